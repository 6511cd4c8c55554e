package callguide.account;

import java.time.Instant;

/** A live sign-in: who it is, the token every form it posts must carry, how it signed in and when. */
public record SignedIn(Account account, String csrfToken, Kind kind, Instant since) {
    /** A browser holds a cookie and must prove each form came from our pages; an API client holds a bearer token. */
    public enum Kind { browser, api }
}
