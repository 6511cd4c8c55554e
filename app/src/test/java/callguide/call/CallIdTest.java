package callguide.call;

import callguide.support.MigratedDatabase;
import callguide.support.StoredCalls;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls' ids follow their start, as PostgreSQL orders them, so the indexes keyed by call fill from one end. */
class CallIdTest {
    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    @Test
    void ids_are_uuid_version_7_and_postgresql_sorts_them_by_start() {
        SecureRandom random = new SecureRandom();
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) ids.add(Call.newId(start.plus(Duration.ofMillis(7L * i)), random));
        ids.forEach(id -> assertEquals(7, id.version(), id.toString()));
        ids.forEach(id -> assertEquals(2, id.variant(), id.toString()));
        assertEquals(200, new HashSet<>(ids).size());
        List<UUID> sorted = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM unnest(CAST(:ids AS uuid[])) AS t(id) ORDER BY id")
                .bind("ids", ids.toArray(new UUID[0])).mapTo(UUID.class).list());
        assertEquals(ids, sorted);
    }

    @Test
    void a_call_started_by_the_service_gets_one() {
        UUID first = new StoredCalls(db.jdbi()).service(java.time.Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), java.time.ZoneOffset.UTC))
                .start("intake", "alice", null, null).id();
        UUID later = new StoredCalls(db.jdbi()).service(java.time.Clock.fixed(Instant.parse("2026-11-02T09:00:01Z"), java.time.ZoneOffset.UTC))
                .start("intake", "alice", null, null).id();
        assertEquals(7, first.version());
        assertEquals(List.of(first, later), db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM calls ORDER BY id").mapTo(UUID.class).list()));
    }
}
