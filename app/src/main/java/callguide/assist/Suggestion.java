package callguide.assist;

/**
 * A suggested answer to a question: the option id, how sure (0 to 1), the caller's words it rests on,
 * and the labelled example those words were closest to.
 */
public record Suggestion(String answer, double confidence, String evidence, String example) {}
