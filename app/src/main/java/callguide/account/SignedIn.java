package callguide.account;

/** A browser's live sign-in: who it is and the token every form it posts must carry. */
public record SignedIn(Account account, String csrfToken) {}
