package callguide.support;

import callguide.call.Call;
import callguide.call.CallDao;
import callguide.call.CallEvent;
import callguide.call.CallService;
import callguide.call.FlowCatalog;
import callguide.call.FlowVersionDao;
import callguide.call.Nation;
import callguide.config.Config;
import callguide.config.Json;
import callguide.flow.FlowLoader;
import callguide.flow.Renderer;
import callguide.flow.Vocabulary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Guided calls on the intake flow stored as a handler's call leaves them (the call and its events, through
 * {@link CallDao}), with the handler, start time, time taken and end a test names:
 * {@code calls.by("alice").startedAt("2026-11-02T09:00:00Z").took(Duration.ofMinutes(4)).reached("RAISE_COMPLAINT")}.
 */
public final class StoredCalls {
    private final Jdbi jdbi;
    private final CallDao dao;
    private final FlowCatalog flows;
    private final String version;

    /** Puts the intake flow's version into service on this database, as the service does when it starts. */
    public StoredCalls(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = new CallDao(jdbi, Json.mapper());
        FlowLoader loader = new FlowLoader(Vocabulary.INTAKE);
        this.flows = new FlowCatalog(loader, FlowCatalog.read(loader, Config.from(Map.of()).flowsDir()), new FlowVersionDao(jdbi));
        this.version = flows.current("intake").orElseThrow().flow().version();
    }

    /** The service handlers' answers go through, on this database, at this clock's time. */
    public CallService service(Clock clock) {
        Config config = Config.from(Map.of());
        return new CallService(dao, flows, new Renderer(config.contacts()), config.workingCalendar(), config.defaultNation(),
                Json.mapper(), clock);
    }

    public NewCall by(String handler) {
        return new NewCall(handler);
    }

    /** One call being described; it is stored by the method that says how it ended (or that it has not). */
    public final class NewCall {
        private final String handler;
        private Instant started = TestApp.NOW;
        private Duration took = Duration.ofMinutes(5);
        private final List<String> changed = new ArrayList<>();

        private NewCall(String handler) {
            this.handler = handler;
        }

        public NewCall startedAt(String instant) {
            started = Instant.parse(instant);
            return this;
        }

        /** From start to the outcome, or to the last answer of a call not finished. */
        public NewCall took(Duration time) {
            took = time;
            return this;
        }

        /** The handler went back and changed the answer to each of these questions once. */
        public NewCall changing(String... questions) {
            changed.addAll(List.of(questions));
            return this;
        }

        public UUID reached(String outcome, String... flags) {
            return store(Call.Status.completed, null, outcome, List.of(flags), null);
        }

        /** Still in progress, on this question. */
        public UUID stillAt(String question) {
            return store(Call.Status.in_progress, question, null, List.of(), null);
        }

        /** Ended by the handler without an outcome, for one of CallService.END_REASONS. */
        public UUID ended(String reason) {
            return store(Call.Status.ended, "region", null, List.of(), reason);
        }

        private UUID store(Call.Status status, String question, String outcome, List<String> flags, String endReason) {
            UUID id = UUID.randomUUID();
            Instant last = started.plus(took);
            Call open = new Call(id, "intake", version, handler, null, Nation.ENGLAND_AND_WALES, Call.Status.in_progress,
                    "contact_route", List.of(), null, List.of(), null, started, started, null);
            Call now = new Call(id, "intake", version, handler, null, Nation.ENGLAND_AND_WALES, status, question, List.of(),
                    outcome, flags, outcome == null ? null : "{\"code\":\"" + outcome + "\"}", started, last,
                    status == Call.Status.in_progress ? null : last);
            List<CallEvent> events = new ArrayList<>();
            changed.forEach(q -> events.add(CallEvent.of("changed", q, "changed", null, "{\"from\":\"first\"}")));
            if (outcome != null) {
                events.add(CallEvent.of("outcome", null, outcome, null, "{\"flags\":" + flags.stream().map(f -> "\"" + f + "\"").toList() + "}"));
            }
            if (endReason != null) events.add(CallEvent.of("ended", null, endReason, null, "{\"reason\":\"" + endReason + "\"}"));
            if (events.isEmpty()) events.add(CallEvent.of("answered", "contact_route", "inbound_call", null, null));
            jdbi.useTransaction(h -> {
                dao.insert(h, open);
                dao.append(h, id, started, List.of(CallEvent.of("started", null, null, null, "{\"flow\":\"intake\"}")), null, null);
            });
            jdbi.useTransaction(h -> dao.record(h, now, last, events, null, null));
            return id;
        }
    }
}
