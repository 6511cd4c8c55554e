package callguide.telephony;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL for the phone side of calls and for recognising a webhook delivered twice. */
final class PhoneCallDao {
    private final Jdbi jdbi;

    PhoneCallDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(UUID callId, String callSid, String dialledNumber) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO phone_calls (call_id, call_sid, dialled_number) VALUES (:id, :sid, :dialled)
                ON CONFLICT (call_id) DO NOTHING""")
                .bind("id", callId).bind("sid", callSid).bind("dialled", dialledNumber).execute());
    }

    Optional<PhoneCall> find(UUID callId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM phone_calls WHERE call_id = :id")
                .bind("id", callId).map((rs, ctx) -> phoneCall(rs)).findOne());
    }

    Optional<PhoneCall> bySid(String callSid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM phone_calls WHERE call_sid = :sid")
                .bind("sid", callSid).map((rs, ctx) -> phoneCall(rs)).findOne());
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

    void ended(Handle h, UUID callId, Instant at, String status) {
        h.createUpdate("UPDATE phone_calls SET ended_at = :at, end_status = :status WHERE call_id = :id AND ended_at IS NULL")
                .bind("id", callId).bind("at", at).bind("status", status).execute();
    }

    private static PhoneCall phoneCall(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp ended = rs.getTimestamp("ended_at");
        return new PhoneCall(rs.getObject("call_id", UUID.class), rs.getString("call_sid"), rs.getString("dialled_number"),
                rs.getString("handler_leg_sid"), ended == null ? null : ended.toInstant(), rs.getString("end_status"));
    }
}
