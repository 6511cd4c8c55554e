package callguide.telephony;

import callguide.call.CallDao;
import callguide.call.CallEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Telephony's entries in a call's event log: ids, statuses and times only, never what anyone said. */
final class CallLog {
    private final CallDao calls;
    private final ObjectMapper json;

    CallLog(CallDao calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    void record(Handle h, UUID callId, Instant at, String type, Map<String, ?> detail) {
        calls.append(h, callId, at, List.of(CallEvent.of(type, null, null, null, write(detail))), null, null);
    }

    void record(UUID callId, Instant at, String type, Map<String, ?> detail) {
        calls.jdbi().useTransaction(h -> record(h, callId, at, type, detail));
    }

    /** Key-value pairs for an event's detail, leaving out those with no value. */
    static Map<String, Object> detail(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private String write(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
