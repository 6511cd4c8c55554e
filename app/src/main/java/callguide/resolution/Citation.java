package callguide.resolution;

/**
 * Where a rule comes from: a procedure file, the heading its step sits under, the step, and a note (step 34 is
 * blank); {@code name} is the document's name as the flow gives it, for people to read in place of the file name.
 */
public record Citation(String file, String heading, Integer step, String note, String name) {
    public Citation {
        if (name == null || name.isBlank()) name = file;
    }
}
