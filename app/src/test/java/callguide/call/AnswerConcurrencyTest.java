package callguide.call;

import callguide.config.Json;
import callguide.support.MigratedDatabase;
import callguide.support.StoredCalls;
import callguide.support.TestApp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two answers on one call at the same moment (two screens, or a double click), through the real CallService: the
 * call takes them one after the other, so its events read as one order, none lost or doubled, and its state is what
 * those events say.
 */
class AnswerConcurrencyTest {
    static final int ROUNDS = 20;
    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();
    static CallService service;
    static ExecutorService two;

    @BeforeAll
    static void start() {
        service = new StoredCalls(db.jdbi()).service(Clock.fixed(TestApp.NOW, ZoneOffset.UTC));
        two = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        two.shutdownNow();
    }

    /** A call on the region question. */
    static UUID onRegion() {
        UUID id = service.start("intake", "h1", null, null).id();
        service.answer(id, "contact_route", "inbound_call", null, null);
        return id;
    }

    /** What one request got: the reply, or the refusal. */
    record Result(Reply reply, CallRefused refused) {
        boolean taken() {
            return refused == null;
        }
    }

    /** Both run at once, released together. */
    static List<Result> atOnce(Callable<Reply> one, Callable<Reply> other) throws Exception {
        CyclicBarrier go = new CyclicBarrier(2);
        List<Future<Result>> done = new ArrayList<>();
        for (Callable<Reply> each : List.of(one, other)) {
            done.add(two.submit(() -> {
                go.await();
                try {
                    return new Result(each.call(), null);
                } catch (CallRefused refused) {
                    return new Result(null, refused);
                }
            }));
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> f : done) results.add(f.get());
        return results;
    }

    /** The answers in force, replayed from the call's events alone. */
    static Map<String, String> replay(List<CallEvent> events) {
        Map<String, String> answers = new HashMap<>();
        for (CallEvent e : events) {
            switch (e.type()) {
                case "answered", "changed" -> answers.put(e.question(), e.answer());
                case "dropped" -> answers.remove(e.question());
                default -> { }
            }
        }
        return answers;
    }

    static List<String> kinds(UUID id) {
        return service.events(id).stream().map(e -> e.type() + (e.question() == null ? "" : " " + e.question())).toList();
    }

    @Test
    void two_different_answers_to_the_same_question_are_taken_one_after_the_other() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID id = onRegion();
            List<Result> replies = atOnce(() -> service.answer(id, "region", "gb", null, UUID.randomUUID()),
                    () -> service.answer(id, "region", "ni", null, UUID.randomUUID()));

            assertTrue(replies.stream().allMatch(Result::taken), "both are answers, neither refused: " + replies);
            List<CallEvent> events = service.events(id);
            assertEquals(List.of("started", "answered contact_route", "answered region", "changed region"), kinds(id));
            CallEvent first = events.get(2);
            CallEvent second = events.get(3);
            assertEquals(first.answer(), Json.mapper().readTree(second.detail()).path("from").asText(), "the change is from the first answer");
            Call call = service.get(id);
            assertEquals(second.answer(), call.answerMap().get("region"), "the later answer is the one in force");
            assertEquals(replay(events), call.answerMap());
            assertEquals("caller", call.currentQuestion());
        }
    }

    @Test
    void an_answer_and_the_next_question_at_once_are_either_both_taken_in_order_or_the_early_one_refused() throws Exception {
        int both = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            UUID id = onRegion();
            List<Result> replies = atOnce(() -> service.answer(id, "region", "gb", null, UUID.randomUUID()),
                    () -> service.answer(id, "caller", "client", null, UUID.randomUUID()));

            assertTrue(replies.get(0).taken(), "the current question is always taken: " + replies.get(0));
            Call call = service.get(id);
            if (!replies.get(1).taken()) {
                refused++;
                assertEquals(CallRefused.Reason.not_on_path, replies.get(1).refused().reason());
                assertEquals(List.of("started", "answered contact_route", "answered region"), kinds(id));
                assertEquals("caller", call.currentQuestion());
            } else {
                both++;
                assertEquals(List.of("started", "answered contact_route", "answered region", "answered caller"), kinds(id));
                assertEquals("staff_conduct", call.currentQuestion());
            }
            assertEquals(replay(service.events(id)), call.answerMap());
        }
        System.out.printf("answer and next question at once, %d rounds: %d both taken, %d next refused as not yet asked%n",
                ROUNDS, both, refused);
    }

    @Test
    void the_last_answer_sent_twice_at_once_reaches_the_outcome_once_and_both_get_the_outcome() throws Exception {
        String[] toResolvable = {"contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "none", "mp_raised", "no"};
        for (int round = 0; round < ROUNDS; round++) {
            UUID id = service.start("intake", "h1", null, null).id();
            for (int i = 0; i < toResolvable.length; i += 2) service.answer(id, toResolvable[i], toResolvable[i + 1], null, null);
            UUID request = UUID.randomUUID();
            List<Result> replies = atOnce(() -> service.answer(id, "resolvable_now", "no", null, request),
                    () -> service.answer(id, "resolvable_now", "no", null, request));

            assertTrue(replies.get(0).taken() && replies.get(1).taken(), "a retry is answered, not refused: " + replies);
            assertEquals(replies.get(0).reply(), replies.get(1).reply(), "the retry gets the outcome");
            assertEquals(1, kinds(id).stream().filter(k -> k.equals("outcome")).count());
            assertEquals("RAISE_COMPLAINT", service.get(id).outcomeCode());
        }
    }

    @Test
    void the_same_request_sent_twice_at_once_is_stored_once_and_both_get_its_reply() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID id = onRegion();
            UUID request = UUID.randomUUID();
            List<Result> replies = atOnce(() -> service.answer(id, "region", "gb", null, request),
                    () -> service.answer(id, "region", "gb", null, request));

            assertTrue(replies.get(0).taken() && replies.get(1).taken(), replies.toString());
            assertEquals(replies.get(0).reply(), replies.get(1).reply(), "the retry gets the first reply");
            assertEquals(List.of("started", "answered contact_route", "answered region"), kinds(id));
            long withRequest = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM call_events WHERE call_id = :id AND request_id = :r")
                    .bind("id", id).bind("r", request).mapTo(Long.class).one());
            assertEquals(1, withRequest);
            assertEquals("caller", service.get(id).currentQuestion());
        }
    }
}
