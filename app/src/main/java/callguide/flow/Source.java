package callguide.flow;

/**
 * Where a rule comes from: a procedure file, the heading it sits under, the step number where it has
 * one, and a short quote where the file has no heading to point at (001 is one undivided overview).
 */
public record Source(String file, String heading, Integer step, String quote) {
    public Source(String file, String heading, Integer step) {
        this(file, heading, step, null);
    }
}
