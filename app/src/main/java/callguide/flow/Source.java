package callguide.flow;

/** Where a rule comes from: a procedure file, its heading, and the step number where it has one. */
public record Source(String file, String heading, Integer step) {}
