package callguide.call;

import java.time.Instant;

/** One thing that happened on a call. {@code detail} is JSON, or null. */
public record CallEvent(long id, Instant at, String type, String question, String answer, String note, String detail) {

    public static CallEvent of(String type, String question, String answer, String note, String detail) {
        return new CallEvent(0, null, type, question, answer, note, detail);
    }
}
