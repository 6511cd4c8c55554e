package callguide.call;

import callguide.flow.IntakeRules;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A guided call as it stands now. {@code outcome} is the outcome's JSON as it was when reached. */
public record Call(UUID id, String flowId, String flowVersion, String handlerId, String callSid, Nation nation,
                   Status status, String currentQuestion, List<GivenAnswer> answers, String outcomeCode,
                   List<String> flags, String outcome, Instant startedAt, Instant updatedAt, Instant completedAt) {

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
