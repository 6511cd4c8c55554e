package callguide.flow;

/**
 * Where a rule comes from: a procedure file, the heading it sits under, the step number where it has
 * one, and a short quote where the file has no heading to point at (001 is one undivided overview).
 * {@code name} is the document's name as the flow gives it, for people to read in place of the file name.
 */
public record Source(String file, String heading, Integer step, String quote, String name) {
    public Source {
        // An outcome stored before flows named their documents has no name: its file name stands in.
        if (name == null || name.isBlank()) name = file;
    }

    /** Whether the document has a name of its own, so the file name is worth showing beside it in small print. */
    public boolean named() {
        return name != null && !name.equals(file);
    }
}
