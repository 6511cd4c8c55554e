package callguide.casework;

/** Who is acting on a case: their username and role id. */
public record Actor(String username, String role) {}
