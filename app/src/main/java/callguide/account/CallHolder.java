package callguide.account;

/**
 * The handler a call belongs to, and whether it came in by phone (every handler saw a phone call in the waiting
 * list, so may be told that someone else took it). Read with the sign-in, for the gate's check of a call's route.
 */
public record CallHolder(String handler, boolean phone) {}
