package callguide.call;

import java.time.Instant;

/** An answer in force on a call: the question, the option id or date given, and when. */
public record GivenAnswer(String question, String answer, Instant at) {}
