package callguide.telephony;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The SQL for the phone side of calls and for recognising a webhook delivered twice. */
final class PhoneCallDao {
    private final Jdbi jdbi;

    PhoneCallDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    void insert(UUID callId, String callSid, String dialledNumber) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO phone_calls (call_id, call_sid, dialled_number) VALUES (:id, :sid, :dialled)
                ON CONFLICT (call_id) DO NOTHING""")
                .bind("id", callId).bind("sid", callSid).bind("dialled", dialledNumber).execute());
    }

    Optional<PhoneCall> find(UUID callId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM phone_calls WHERE call_id = :id")
                .bind("id", callId).map(ConstructorMapper.of(PhoneCall.class)).findOne());
    }

    Optional<PhoneCall> bySid(String callSid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM phone_calls WHERE call_sid = :sid")
                .bind("sid", callSid).map(ConstructorMapper.of(PhoneCall.class)).findOne());
    }

    /** True the first time this delivery is seen in this transaction's commit; false for a retry. */
    boolean firstDelivery(Handle h, String key, Instant at) {
        return h.createUpdate("INSERT INTO webhook_deliveries (key, received_at) VALUES (:key, :at) ON CONFLICT DO NOTHING")
                .bind("key", key).bind("at", at).execute() == 1;
    }

    void handlerLeg(Handle h, UUID callId, String legSid) {
        h.createUpdate("UPDATE phone_calls SET handler_leg_sid = :leg WHERE call_id = :id")
                .bind("id", callId).bind("leg", legSid).execute();
    }

    /** False when the call had already ended: the end is recorded once, whichever delivery reports it. */
    boolean ended(Handle h, UUID callId, Instant at, String status) {
        return h.createUpdate("UPDATE phone_calls SET ended_at = :at, end_status = :status WHERE call_id = :id AND ended_at IS NULL")
                .bind("id", callId).bind("at", at).bind("status", status).execute() == 1;
    }

    /** The most phone calls the waiting list shows: the longest-waiting first, which is the one to take. */
    static final int WAITING_SHOWN = 50;

    /** Phone calls still on the line that no one has taken yet: they belong to the handlers' line or queue. */
    List<PhoneCall> waiting() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.* FROM phone_calls p JOIN calls c ON c.id = p.call_id
                        WHERE c.status = 'in_progress' AND p.ended_at IS NULL AND (c.handler_id = :line OR c.handler_id LIKE 'queue:%')
                        ORDER BY c.started_at, c.id LIMIT :shown""")
                .bind("line", CallWebhooks.HANDLER_LINE).bind("shown", WAITING_SHOWN).map(ConstructorMapper.of(PhoneCall.class)).list());
    }

    /** Gives the call to this handler, if it is still the line's and in progress; false when someone else took it first. */
    boolean take(Handle h, UUID callId, String handler, Instant at) {
        return h.createUpdate("""
                UPDATE calls SET handler_id = :handler, updated_at = :at
                WHERE id = :id AND status = 'in_progress' AND (handler_id = :line OR handler_id LIKE 'queue:%')""")
                .bind("id", callId).bind("handler", handler).bind("at", at).bind("line", CallWebhooks.HANDLER_LINE).execute() == 1;
    }
}
