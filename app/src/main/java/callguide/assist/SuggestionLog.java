package callguide.assist;

import callguide.call.Call;
import callguide.call.CallDao;
import callguide.call.CallEvent;
import callguide.call.CallRefused;
import callguide.call.CallService;
import callguide.flow.Flow;
import callguide.flow.IntakeRules;
import callguide.flow.Question;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records, in the call's event log, what the assistant suggested and what the handler chose, so the
 * supervisor's timeline shows both. The evidence is kept as the event's note, so a later staff-conduct
 * answer blanks it with every other note; on a staff-conduct call none is stored at all.
 */
public final class SuggestionLog {

    /** What the handler was shown and what they did with it. */
    public record Outcome(String question, String suggested, double confidence, String chosen, boolean accepted, String evidence, Instant at) {}

    private final CallDao dao;
    private final CallService calls;
    private final ObjectMapper json;
    private final Clock clock;

    public SuggestionLog(CallDao dao, CallService calls, ObjectMapper json, Clock clock) {
        this.dao = dao;
        this.calls = calls;
        this.json = json;
        this.clock = clock;
    }

    public Outcome record(UUID callId, String question, String suggested, double confidence, String chosen, String evidence, UUID requestId) {
        return record(callId, question, suggested, confidence, chosen, evidence, requestId, false, null);
    }

    /** {@code stale}: offered from what was said before the question appeared; {@code said}: when, as shown (may be null). */
    public Outcome record(UUID callId, String question, String suggested, double confidence, String chosen, String evidence, UUID requestId,
                          boolean stale, String said) {
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("'confidence' must be between 0 and 1");
        return dao.jdbi().inTransaction(h -> {
            CallDao.Locked locked = dao.lock(h, callId, requestId)
                    .orElseThrow(() -> new CallRefused(CallRefused.Reason.unknown_call, "no call " + callId));
            Call call = locked.call();
            Question q = choice(calls.flowOf(call), question);
            check(q, "suggested", suggested);
            check(q, "chosen", chosen);
            boolean confidential = call.confidential() || IntakeRules.confidential(question, chosen) || dao.withheld(h, callId);
            String kept = confidential || evidence == null || evidence.isBlank() ? null : SafeText.of(Utterance.of(evidence).text());
            Instant now = clock.instant();
            boolean accepted = suggested.equals(chosen);
            if (locked.replay(CallEvent.Type.suggestion.name()) == null) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("suggested", suggested);
                detail.put("confidence", confidence);
                detail.put("chosen", chosen);
                detail.put("accepted", accepted);
                if (stale) detail.put("stale", true);
                if (said != null && !confidential) detail.put("said", said);
                dao.append(h, callId, now, List.of(CallEvent.of(CallEvent.Type.suggestion, question, chosen, kept, write(detail))), requestId, write(detail));
            }
            return new Outcome(question, suggested, confidence, chosen, accepted, kept, now);
        });
    }

    private static Question choice(Flow flow, String question) {
        Question q = flow.questions().get(question);
        if (q == null || q.kind() != Question.Kind.choice) {
            throw new CallRefused(CallRefused.Reason.unknown_question, "flow " + flow.id() + " has no question '" + question + "' with options");
        }
        return q;
    }

    private static void check(Question q, String field, String option) {
        if (q.option(option) == null) {
            throw new IllegalArgumentException("'" + field + "' must be an option of " + q.id() + ", one of "
                    + q.options().stream().map(o -> o.id()).toList() + ", not '" + option + "'");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
