package callguide.assist;

/** How sure a suggestion is, in the words a handler and a supervisor read, with its percentage. */
public final class Confidence {
    private Confidence() {}

    public static final double HIGH = 0.8;
    public static final double MEDIUM = 0.5;

    /** As {@link #level(double, boolean)}, with the percentage. */
    public static String words(double confidence, boolean stale) {
        return level(confidence, stale) + " confidence (" + Math.round(confidence * 100) + "%)";
    }

    /** High, Medium or Low. */
    public static String level(double confidence) {
        return confidence >= HIGH ? "High" : confidence >= MEDIUM ? "Medium" : "Low";
    }

    /** A suggestion from earlier speech may be about an earlier question: offered, but never as High. */
    public static String level(double confidence, boolean stale) {
        String level = level(confidence);
        return stale && level.equals("High") ? "Medium" : level;
    }
}
