package callguide.telephony;

import callguide.support.MigratedDatabase;
import callguide.support.StoredCalls;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Warm-transfer attempts on a real database: the latest is the one shown, and only one may be under way on a call. */
class TransferDaoTest {
    static final Instant NINE = Instant.parse("2026-11-27T09:00:00Z");
    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();
    static StoredCalls calls;
    static TransferDao transfers;

    @BeforeAll
    static void fixtures() {
        calls = new StoredCalls(db.jdbi());
        transfers = new TransferDao(db.jdbi());
    }

    long dial(UUID call, String team, Instant at) {
        return db.jdbi().inTransaction(h -> transfers.insert(h, call, team, "+441610000001", "transfer-" + call, at));
    }

    @Test
    void a_call_never_transferred_has_no_attempt() {
        assertEquals(Optional.empty(), transfers.latest(calls.by("alice").reached("WARM_TRANSFER_RESOLUTION_TEAM")));
    }

    @Test
    void a_new_attempt_starts_dialling_and_records_the_team_and_when() {
        UUID call = calls.by("alice").reached("WARM_TRANSFER_RESOLUTION_TEAM");
        dial(call, "gb", NINE);

        Transfer t = transfers.latest(call).orElseThrow();
        assertEquals(Transfer.State.dialling, t.state());
        assertTrue(t.active());
        assertEquals("gb", t.team());
        assertEquals("+441610000001", t.teamNumber());
        assertEquals(NINE, t.startedAt());
        assertEquals(NINE, t.updatedAt());
    }

    @Test
    void only_one_attempt_may_be_under_way_on_a_call_and_after_a_failure_a_new_one_is_the_latest() {
        UUID call = calls.by("alice").reached("WARM_TRANSFER_RESOLUTION_TEAM");
        long first = dial(call, "gb", NINE);
        assertThrows(UnableToExecuteStatementException.class, () -> dial(call, "scotland", NINE.plusSeconds(5)),
                "a second transfer while the first is dialling");

        db.jdbi().useTransaction(h -> transfers.move(h, first, Transfer.State.failed, "no-answer", NINE.plus(ofSeconds(30))));
        long second = dial(call, "scotland", NINE.plus(ofSeconds(40)));

        Transfer latest = transfers.latest(call).orElseThrow();
        assertEquals(second, latest.id());
        assertEquals("scotland", latest.team());
        assertEquals(Transfer.State.dialling, latest.state());
        UUID other = calls.by("bob").reached("WARM_TRANSFER_RESOLUTION_TEAM");
        dial(other, "gb", NINE);
        assertEquals(second, transfers.latest(call).orElseThrow().id(), "another call's transfer is not this one's");
    }

    @Test
    void each_step_moves_the_attempt_on_and_a_failure_keeps_its_reason() {
        UUID call = calls.by("alice").reached("WARM_TRANSFER_RESOLUTION_TEAM");
        long id = dial(call, "gb", NINE);
        db.jdbi().useTransaction(h -> {
            transfers.teamDialled(h, id, "CA" + "7e".repeat(16), NINE.plusSeconds(2));
            transfers.move(h, id, Transfer.State.briefing, null, NINE.plusSeconds(20));
        });
        Transfer briefing = transfers.latest(call).orElseThrow();
        assertEquals(Transfer.State.briefing, briefing.state());
        assertEquals("CA" + "7e".repeat(16), briefing.teamCallSid());
        assertEquals(NINE.plusSeconds(20), briefing.updatedAt());

        db.jdbi().useTransaction(h -> transfers.move(h, id, Transfer.State.briefing, "twilio_refused: busy", NINE.plusSeconds(40)));
        assertEquals("twilio_refused: busy", transfers.latest(call).orElseThrow().reason(), "why a step did not happen is kept");
        db.jdbi().useTransaction(h -> {
            transfers.move(h, id, Transfer.State.failed, "team-hung-up", NINE.plusSeconds(50));
            transfers.move(h, id, Transfer.State.failed, "team-hung-up", NINE.plusSeconds(55));
        });
        Transfer failed = transfers.latest(call).orElseThrow();
        assertEquals(Transfer.State.failed, failed.state());
        assertEquals("team-hung-up", failed.reason());
        assertEquals(NINE.plusSeconds(55), failed.updatedAt());
        assertEquals(NINE, failed.startedAt());
    }

    @Test
    void the_latest_attempt_read_inside_a_transaction_is_the_same_one() {
        UUID call = calls.by("alice").reached("WARM_TRANSFER_RESOLUTION_TEAM");
        long id = dial(call, "gb", NINE);
        long locked = db.jdbi().inTransaction(h -> {
            transfers.lockCall(h, call);
            return transfers.latest(h, call).orElseThrow().id();
        });
        assertEquals(id, locked);
    }
}
