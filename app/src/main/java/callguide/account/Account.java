package callguide.account;

/** Someone who can sign in. The username is also the handler id on the calls they take. */
public record Account(String username, Role role) {}
