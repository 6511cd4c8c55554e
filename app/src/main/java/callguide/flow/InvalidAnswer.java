package callguide.flow;

/** An answer the question cannot take: an unknown option, a malformed or impossible date. */
public final class InvalidAnswer extends RuntimeException {
    private final String question;

    public InvalidAnswer(String question, String message) {
        super(message);
        this.question = question;
    }

    public String question() {
        return question;
    }
}
