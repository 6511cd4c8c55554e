package callguide.assist;

/** How sure a suggestion is, in the words a handler and a supervisor read, with its percentage. */
public final class Confidence {
    private Confidence() {}

    public static String words(double confidence) {
        String level = confidence >= 0.8 ? "High" : confidence >= 0.5 ? "Medium" : "Low";
        return level + " confidence (" + Math.round(confidence * 100) + "%)";
    }
}
