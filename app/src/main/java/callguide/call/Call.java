package callguide.call;

import callguide.flow.IntakeRules;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** A guided call as it stands now. {@code outcome} is the outcome's JSON as it was when reached. */
public record Call(UUID id, String flowId, String flowVersion, String handlerId, String callSid, Nation nation,
                   Status status, String currentQuestion, List<GivenAnswer> answers, String outcomeCode,
                   List<String> flags, String outcome, Instant startedAt, Instant updatedAt, Instant completedAt) {
    /**
     * A new call's id: a UUID of version 7 (RFC 9562), its first 48 bits the start in milliseconds and 74 bits
     * random, so calls' ids sort by when they started and the indexes keyed by call (the calls' own, their
     * events', their transcripts') fill from one end, where their pages are in memory, not at random pages of a
     * year of calls.
     */
    public static UUID newId(Instant startedAt, RandomGenerator random) {
        long msb = (startedAt.toEpochMilli() << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** {@code ended}: stopped by the handler without an outcome (a dropped, mistaken or test call). */
    public enum Status { in_progress, completed, ended }

    public Map<String, String> answerMap() {
        Map<String, String> m = new LinkedHashMap<>();
        answers.forEach(a -> m.put(a.question(), a.answer()));
        return m;
    }

    /** Staff-conduct complaints may have no details recorded: no notes, no free text of any kind. */
    public boolean confidential() {
        return answers.stream().anyMatch(a -> IntakeRules.confidential(a.question(), a.answer()));
    }
}
