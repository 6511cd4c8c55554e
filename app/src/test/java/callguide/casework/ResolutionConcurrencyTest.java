package callguide.casework;

import callguide.account.Role;
import callguide.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Eight people moving the same three cases at once: no event lost or doubled, and every 409 tells the truth. */
class ResolutionConcurrencyTest {
    /** Moves in the order a case takes them, with the fields each needs; a call attempt can be logged at any point. */
    private static final List<Map.Entry<String, Map<String, String>>> MOVES = List.of(
            Map.entry("log_call_attempt", Map.of("called", "client", "result", "no answer")),
            Map.entry("acknowledge", Map.of("parties", "both clients", "acknowledged_by", "phone")),
            Map.entry("needs_investigation", Map.of()),
            Map.entry("referral_sent", Map.of("discussion", "d", "bau_g7", "G7 Jones")),
            Map.entry("bau_allocated", Map.of("bau_caseworker", "Pat", "case_conference", "held")));

    @Test
    void eightThreadsThreeCases() throws Exception {
        try (TestApp app = TestApp.start()) {
            List<CaseClient> people = new ArrayList<>();
            for (int i = 0; i < 8; i++) people.add(CaseClient.as(app, "worker" + i, Role.resolution_caseworker));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(people.get(0).manual(ResolutionApiTest.manualFor("gb")).field("/id"));
            }
            Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
            ids.forEach(id -> ok.put(id, new AtomicInteger()));
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicInteger stale = new AtomicInteger();
            AtomicInteger notAllowed = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                CaseClient me = people.get(t);
                int seed = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 12; i++) {
                        String id = ids.get((seed + i) % ids.size());
                        var move = MOVES.get((seed * 7 + i) % MOVES.size());
                        int seen = me.get("/api/cases/" + id).json().get("version").asInt();
                        TestApp.Response r = me.move(id, seen, move.getKey(), move.getValue());
                        switch (r.status()) {
                            case 200 -> ok.get(id).incrementAndGet();
                            case 409 -> {
                                JsonNode current = r.json().get("current");
                                int now = current.get("version").asInt();
                                if (r.field("/error").equals("stale_version")) {
                                    stale.incrementAndGet();
                                    if (now <= seen) wrong.add("stale at " + seen + " but the case is at " + now);
                                } else if (r.field("/error").equals("move_not_allowed")) {
                                    notAllowed.incrementAndGet();
                                    if (now != seen) wrong.add("move_not_allowed on a stale version " + seen + " (case at " + now + ")");
                                    current.get("moves").forEach(m -> {
                                        if (m.asText().equals(move.getKey())) wrong.add(move.getKey() + " refused though offered");
                                    });
                                } else {
                                    wrong.add("409 " + r.text());
                                }
                            }
                            default -> wrong.add(r.status() + " " + r.text());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get();
            pool.shutdown();

            assertEquals(List.of(), List.copyOf(wrong));
            CaseService service = ResolutionApiTest.caseServiceFor(app);
            for (String id : ids) {
                List<CaseEvent> events = service.events(UUID.fromString(id));
                assertEquals(1 + ok.get(id).get(), events.size(), "one event per move made, none lost or doubled");
                for (int i = 0; i < events.size(); i++) assertEquals(i + 1, events.get(i).version());
                assertEquals(events.size(), service.get(UUID.fromString(id)).version());
                assertEquals(service.get(UUID.fromString(id)).state(), service.replay(UUID.fromString(id)));
            }
            assertTrue(stale.get() > 0, "the threads did collide");
            assertFalse(ok.values().stream().allMatch(a -> a.get() == 0));
            System.out.printf("8 threads, 3 cases, 96 moves: %d made, %d stale_version, %d move_not_allowed%n",
                    ok.values().stream().mapToInt(AtomicInteger::get).sum(), stale.get(), notAllowed.get());
        }
    }
}
