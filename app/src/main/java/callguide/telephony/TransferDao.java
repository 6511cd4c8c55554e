package callguide.telephony;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The SQL for warm transfers. */
final class TransferDao {
    private final Jdbi jdbi;

    TransferDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    long insert(Handle h, UUID callId, String team, String number, String conference, Instant at) {
        return h.createUpdate("""
                INSERT INTO warm_transfers (call_id, state, team, team_number, conference, started_at, updated_at)
                VALUES (:call, 'dialling', :team, :number, :conference, :at, :at)""")
                .bind("call", callId).bind("team", team).bind("number", number).bind("conference", conference).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Serialises transfer steps on one call. */
    void lockCall(Handle h, UUID callId) {
        h.createQuery("SELECT id FROM calls WHERE id = :id FOR UPDATE").bind("id", callId).mapTo(UUID.class).findOne();
    }

    /** The latest attempt on the call, locked for this transaction. */
    Optional<Transfer> latest(Handle h, UUID callId) {
        return h.createQuery("SELECT * FROM warm_transfers WHERE call_id = :call ORDER BY id DESC LIMIT 1 FOR UPDATE")
                .bind("call", callId).map(ConstructorMapper.of(Transfer.class)).findOne();
    }

    Optional<Transfer> latest(UUID callId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM warm_transfers WHERE call_id = :call ORDER BY id DESC LIMIT 1")
                .bind("call", callId).map(ConstructorMapper.of(Transfer.class)).findOne());
    }

    /** Records the team's leg; false when the attempt is no longer dialling (it lapsed while Twilio was dialling). */
    boolean teamDialled(Handle h, long id, String teamCallSid, Instant at) {
        return h.createUpdate("UPDATE warm_transfers SET team_call_sid = :sid, updated_at = :at WHERE id = :id AND state = 'dialling'")
                .bind("id", id).bind("sid", teamCallSid).bind("at", at).execute() == 1;
    }

    /** Twilio reported on the attempt without moving it on: its silence starts again. */
    void heard(Handle h, long id, Instant at) {
        h.createUpdate("UPDATE warm_transfers SET updated_at = :at WHERE id = :id").bind("id", id).bind("at", at).execute();
    }

    /** Twilio refused to move the handler's leg, so the caller's Dial is still with the handler. */
    void handlerStayed(Handle h, long id) {
        h.createUpdate("UPDATE warm_transfers SET handler_moved = false WHERE id = :id").bind("id", id).execute();
    }

    /** A new state; {@code reason} says why it failed, or why a step did not happen (null clears it). */
    void move(Handle h, long id, Transfer.State state, String reason, Instant at) {
        h.createUpdate("UPDATE warm_transfers SET state = :state, reason = :reason, updated_at = :at WHERE id = :id")
                .bind("id", id).bind("state", state.name()).bind("reason", reason).bind("at", at).execute();
    }

    /** The caller must be brought back to the handler, from {@code at}; the handler's leg too when {@code handlerToo}. */
    void callerReturnDue(Handle h, long id, boolean handlerToo, Instant at) {
        h.createUpdate("UPDATE warm_transfers SET caller_return_due = :at, caller_return_handler = :handler WHERE id = :id")
                .bind("id", id).bind("at", at).bind("handler", handlerToo).execute();
    }

    /**
     * Takes a due return until {@code until}, so no other node tries it meanwhile: whether the handler's leg comes back
     * too, or empty when it is not due (done, given up, or being tried elsewhere).
     */
    Optional<Boolean> claimCallerReturn(long id, Instant now, Instant until) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE warm_transfers SET caller_return_due = :until WHERE id = :id AND caller_return_due <= :now
                        RETURNING caller_return_handler""")
                .bind("id", id).bind("now", now).bind("until", until).mapTo(Boolean.class).findOne());
    }

    /** The return is done, or given up: nothing more is due. */
    void callerReturnEnded(long id) {
        jdbi.useHandle(h -> callerReturnEnded(h, id));
    }

    void callerReturnEnded(Handle h, long id) {
        h.execute("UPDATE warm_transfers SET caller_return_due = NULL WHERE id = ?", id);
    }

    /** Attempts whose caller is due back now. */
    List<Transfer> callerReturnsDue(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM warm_transfers WHERE caller_return_due <= :now ORDER BY id")
                .bind("now", now).map(ConstructorMapper.of(Transfer.class)).list());
    }

    /** The calls with an attempt under way. */
    List<UUID> callsTransferring() {
        return jdbi.withHandle(h -> h.createQuery("SELECT call_id FROM warm_transfers WHERE state IN ('dialling', 'briefing', 'handing_over')")
                .mapTo(UUID.class).list());
    }
}
