package callguide.assist;

/** How sure a suggestion is, in the words a handler and a supervisor read, with its percentage. */
public final class Confidence {
    private Confidence() {}

    public static final double HIGH = 0.8;
    public static final double MEDIUM = 0.5;

    public static String words(double confidence) {
        return level(confidence) + " confidence (" + Math.round(confidence * 100) + "%)";
    }

    /** High, Medium or Low. */
    public static String level(double confidence) {
        return confidence >= HIGH ? "High" : confidence >= MEDIUM ? "Medium" : "Low";
    }
}
