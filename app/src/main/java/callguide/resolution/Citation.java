package callguide.resolution;

/** Where a rule comes from: a procedure file, the heading its step sits under, the step, and a note (step 34 is blank). */
public record Citation(String file, String heading, Integer step, String note) {}
