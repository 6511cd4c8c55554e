package callguide.call;

import callguide.call.CallRefused.Reason;
import callguide.flow.Flow;
import callguide.flow.FlowEngine;
import callguide.flow.IntakeRules;
import callguide.flow.InvalidAnswer;
import callguide.flow.Outcome;
import callguide.flow.Position;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.flow.Step;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Guided calls: start one, answer or change a question, add a note. Each is one short transaction. */
public final class CallService {
    private static final Logger LOG = LoggerFactory.getLogger(CallService.class);
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final CallDao dao;
    private final FlowCatalog flows;
    private final Renderer renderer;
    private final WorkingCalendar calendar;
    private final Nation defaultNation;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile OutcomeListener outcomeListener = call -> { };

    public CallService(CallDao dao, FlowCatalog flows, Renderer renderer, WorkingCalendar calendar,
                       Nation defaultNation, ObjectMapper json, Clock clock) {
        this.dao = dao;
        this.flows = flows;
        this.renderer = renderer;
        this.calendar = calendar;
        this.defaultNation = defaultNation;
        this.json = json;
        this.clock = clock;
    }

    private static final java.security.SecureRandom IDS = new java.security.SecureRandom();

    public Call start(String flowId, String handlerId, String callSid, Nation nation) {
        Flow flow = flows.current(flowId).orElseThrow(() -> new CallRefused(Reason.unknown_flow, "no flow called '" + flowId + "'")).flow();
        Instant now = clock.instant();
        Call call = new Call(Call.newId(now, IDS), flow.id(), flow.version(), handlerId, callSid,
                nation == null ? defaultNation : nation, Call.Status.in_progress, flow.start(), List.of(), null,
                List.of(), null, now, now, null);
        if (callSid != null && dao.idForCallSid(callSid).isPresent()) throw callSidInUse(callSid);
        String detail = write(Map.of("flow", flow.id(), "version", flow.version(), "handler", handlerId));
        try {
            dao.jdbi().useTransaction(h -> {
                dao.insert(h, call);
                dao.append(h, call.id(), now, List.of(CallEvent.of(CallEvent.Type.started, null, null, null, detail)), null, null);
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Two starts for one phone call at once: the unique CallSid lets only one through.
            if (callSid != null && dao.idForCallSid(callSid).isPresent()) throw callSidInUse(callSid);
            throw e;
        }
        return call;
    }

    public Call get(UUID id) {
        return dao.find(id).orElseThrow(() -> unknownCall(id));
    }

    public List<CallEvent> events(UUID id) {
        get(id);
        return dao.events(id);
    }

    /** The question the call is on, in the call's terms; null once it has an outcome. */
    public Step step(Call call) {
        if (call.status() != Call.Status.in_progress) return null;
        Flow flow = flows.version(call.flowId(), call.flowVersion());
        return renderer.step(flow.questions().get(call.currentQuestion()), call.answerMap());
    }

    public Flow flowOf(Call call) {
        return flows.version(call.flowId(), call.flowVersion());
    }

    /**
     * Answers the current question or changes an earlier one. Answers that no longer apply are dropped;
     * a retried request id returns the first reply and records nothing.
     */
    public Reply answer(UUID id, String question, String answer, String note, UUID requestId) {
        Answered answered = answered(id, question, answer, note, requestId);
        return answered.reply() != null ? answered.reply() : read(answered.json(), Reply.class);
    }

    /**
     * As {@link #answer}, the reply as JSON text: the very text stored for a retry of this request id, so the reply
     * is written once, and a retry's is sent as it was kept rather than read and written again.
     */
    public String answerJson(UUID id, String question, String answer, String note, UUID requestId) {
        return answered(id, question, answer, note, requestId).json();
    }

    private Answered answered(UUID id, String question, String answer, String note, UUID requestId) {
        Answered answered = dao.jdbi().inTransaction(h -> {
            CallDao.Locked locked = dao.lock(h, id, requestId).orElseThrow(() -> unknownCall(id));
            String replay = locked.replay(CallEvent.Type.answered.name(), CallEvent.Type.changed.name());
            if (replay != null) return new Answered(null, replay, null);
            Call call = stillOpen(locked.call());
            Flow flow = flows.version(call.flowId(), call.flowVersion());
            LocalDate today = today();
            Map<String, String> before = call.answerMap();
            String value = asked(flow, FlowEngine.walk(flow, before, today), question).check(answer, today);
            // Given, the staff-conduct answer ends any withholding: a "yes" keeps no details for good, a "no" keeps them again.
            if (IntakeRules.STAFF_CONDUCT.equals(question)) dao.release(h, id);
            if (value.equals(before.get(question)) && (note == null || note.isBlank())) {
                Reply same = new Reply(step(call), null); // the same answer again changes nothing
                return new Answered(same, write(same), null);
            }
            Map<String, String> after = new LinkedHashMap<>(before);
            after.put(question, value);
            Position position = FlowEngine.walk(flow, after, today);
            boolean confidential = IntakeRules.confidential(position.answersInForce());
            String cleanNote = note == null || note.isBlank() ? null : note.strip();
            if (cleanNote != null && (confidential || (!IntakeRules.STAFF_CONDUCT.equals(question) && dao.withheld(h, id)))) throw notesRefused();

            Instant now = clock.instant();
            List<CallEvent> events = answerEvents(before, question, value, cleanNote, position);
            Advanced next = next(call, flow, position, now, today, events);
            Reply reply = next.outcome() != null ? new Reply(null, next.outcome()) : new Reply(step(next.call()), null);
            if (confidential && !call.confidential()) events.addAll(removeDetails(h, id));
            String json = write(reply);
            dao.record(h, next.call(), now, events, requestId, json);
            return new Answered(reply, json, next.outcome() != null ? next.call() : null);
        });
        if (answered.reached() != null) tell(answered.reached());
        return answered;
    }

    /**
     * The reply to an answer (null for a retry, whose reply is only the text kept), the reply as JSON, and the call
     * when this answer reached its outcome.
     */
    private record Answered(Reply reply, String json, Call reached) {}

    /** Who is told when a call reaches its outcome (the assistant's summaries); set once at start-up. */
    public void onOutcome(OutcomeListener listener) {
        this.outcomeListener = Objects.requireNonNull(listener, "listener");
    }

    /** After the commit, so the listener reads the outcome as stored; its failure never fails the answer. */
    private void tell(Call call) {
        try {
            outcomeListener.reached(call);
        } catch (RuntimeException e) {
            LOG.warn("told no one that call {} reached its outcome: {}", call.id(), e.toString());
        }
    }

    private static Call stillOpen(Call call) {
        if (call.status() == Call.Status.ended) {
            throw new CallRefused(Reason.call_completed, "call " + call.id() + " was ended without an outcome; it can no longer change");
        }
        if (call.status() != Call.Status.completed) return call;
        throw new CallRefused(Reason.call_completed, "call " + call.id() + " already reached " + call.outcomeCode()
                + "; its answers can no longer change");
    }

    /**
     * Where this answer would take the call, recorded or not: the finished position when it reaches an outcome, so the
     * handler checks their answers before it is recorded; empty when it leads to another question or cannot be given.
     */
    public Optional<Position> outcomeIfAnswered(Call call, String question, String answer) {
        if (call.status() != Call.Status.in_progress || question == null || answer == null) return Optional.empty();
        Flow flow = flowOf(call);
        LocalDate today = today();
        Map<String, String> after = new LinkedHashMap<>(call.answerMap());
        try {
            after.put(question, asked(flow, FlowEngine.walk(flow, call.answerMap(), today), question).check(answer, today));
        } catch (CallRefused | InvalidAnswer e) {
            return Optional.empty();
        }
        Position position = FlowEngine.walk(flow, after, today);
        return position.finished() ? Optional.of(position) : Optional.empty();
    }

    /** The answer (or change), then every earlier answer that no longer applies. */
    private List<CallEvent> answerEvents(Map<String, String> before, String question, String value, String note,
                                         Position position) {
        List<CallEvent> events = new ArrayList<>();
        String previous = before.get(question);
        if (previous == null) events.add(CallEvent.of(CallEvent.Type.answered, question, value, note, null));
        else events.add(CallEvent.of(CallEvent.Type.changed, question, value, note, write(Map.of("from", previous))));
        before.forEach((k, v) -> {
            if (!position.answersInForce().containsKey(k)) events.add(CallEvent.of(CallEvent.Type.dropped, k, v, null, null));
        });
        return events;
    }

    /**
     * A staff-conduct "yes" held for the handler's check page: the call's details go now, and none is kept until the
     * answer is given (its outcome then keeps none for good) or changed, so a call ended from there leaves none behind.
     */
    public void withholdDetails(UUID id) {
        dao.jdbi().useTransaction(h -> {
            Call call = dao.lock(h, id, null).orElseThrow(() -> unknownCall(id)).call();
            if (call.status() != Call.Status.in_progress || call.confidential()) return;
            Instant now = clock.instant();
            dao.withhold(h, id, now);
            List<CallEvent> events = removeDetails(h, id);
            if (!events.isEmpty()) dao.append(h, id, now, events, null, null);
        });
    }

    /**
     * The handler went back from "Check your answers" and gave the answer held there differently: kept as a change of
     * answer (from the held one), so the timeline and insights show the handler went back, though the held one was never
     * recorded. Nothing else changes; the new answer is given as any other.
     */
    public void changedBeforeConfirming(UUID id, String question, String held, String now, UUID requestId) {
        if (held.equals(now)) return;
        // A form sent twice is one change: its request id, made distinct from the answer's own, is kept with it.
        UUID request = requestId == null ? null : UUID.nameUUIDFromBytes(("held " + requestId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        dao.jdbi().useTransaction(h -> {
            CallDao.Locked locked = dao.lock(h, id, request).orElseThrow(() -> unknownCall(id));
            Call call = locked.call();
            if (locked.replay("changed") != null || !question.equals(call.currentQuestion())) return;
            // Only an answer that could have waited there: one that takes the call, as it stands, to an outcome.
            if (outcomeIfAnswered(call, question, held).isEmpty()) return;
            dao.append(h, id, clock.instant(), List.of(CallEvent.of(CallEvent.Type.changed, question, now, null,
                    write(Map.of("from", held, "held", true)))), request, "{}");
        });
    }

    /** The handler left the check page another way (a different answer, the same "no" again): details are kept again. */
    public void keepDetails(UUID id) {
        dao.jdbi().useHandle(h -> dao.release(h, id));
    }

    /** A call that has just become a staff-conduct complaint keeps no details: no note text, no transcript. */
    private List<CallEvent> removeDetails(org.jdbi.v3.core.Handle h, UUID id) {
        List<CallEvent> events = new ArrayList<>();
        int notes = dao.redactNotes(h, id);
        if (notes > 0) events.add(CallEvent.of(CallEvent.Type.notes_redacted, null, null, null, write(Map.of("notes", notes))));
        int lines = dao.redactTranscript(h, id);
        if (lines > 0) events.add(CallEvent.of(CallEvent.Type.transcript_redacted, null, null, null, write(Map.of("lines", lines))));
        return events;
    }

    public CallEvent note(UUID id, String text, UUID requestId) {
        return dao.jdbi().inTransaction(h -> {
            CallDao.Locked locked = dao.lock(h, id, requestId).orElseThrow(() -> unknownCall(id));
            if (locked.call().confidential() || dao.withheld(h, id)) throw notesRefused();
            Instant now = clock.instant();
            // The kept reply carries no text: a note must be removable from every copy (see redactNotes).
            if (locked.replay("note") == null) {
                dao.append(h, id, now, List.of(CallEvent.of(CallEvent.Type.note, null, null, text.strip(), null)), requestId, "{}");
            }
            return new CallEvent(0, now, CallEvent.Type.note.name(), null, null, text.strip(), null);
        });
    }

    /**
     * The outcome's checklist as the handler ticked it: {@code ticked} holds the item numbers ticked now.
     * Each change is a call event (ticked or unticked), so the list survives a reload; nothing else changes.
     */
    public java.util.SortedSet<Integer> tick(UUID id, java.util.Set<Integer> ticked, int items) {
        return dao.jdbi().inTransaction(h -> {
            CallDao.Locked locked = dao.lock(h, id, null).orElseThrow(() -> unknownCall(id));
            if (locked.call().status() != Call.Status.completed) {
                throw new CallRefused(Reason.not_on_path, "call " + id + " has no outcome yet, so no checklist to tick");
            }
            java.util.SortedSet<Integer> before = ticks(dao.events(id));
            List<CallEvent> events = new ArrayList<>();
            for (int i = 1; i <= items; i++) {
                if (ticked.contains(i) && !before.contains(i)) events.add(CallEvent.of(CallEvent.Type.ticked, null, String.valueOf(i), null, null));
                if (!ticked.contains(i) && before.contains(i)) events.add(CallEvent.of(CallEvent.Type.unticked, null, String.valueOf(i), null, null));
            }
            if (!events.isEmpty()) dao.append(h, id, clock.instant(), events, null, null);
            java.util.SortedSet<Integer> after = new java.util.TreeSet<>(ticked);
            after.removeIf(i -> i < 1 || i > items);
            return after;
        });
    }

    /** The checklist items ticked now, replayed from the call's events. */
    public static java.util.SortedSet<Integer> ticks(List<CallEvent> events) {
        java.util.SortedSet<Integer> ticked = new java.util.TreeSet<>();
        for (CallEvent e : events) {
            if (!e.is(CallEvent.Type.ticked) && !e.is(CallEvent.Type.unticked)) continue;
            try {
                int n = Integer.parseInt(e.answer());
                if (e.is(CallEvent.Type.ticked)) ticked.add(n);
                else ticked.remove(n);
            } catch (NumberFormatException ignored) {
                // not written by tick(): nothing to replay
            }
        }
        return ticked;
    }

    /** Why a call may be ended without an outcome, in the handler's words. */
    public static final Map<String, String> END_REASONS = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>() {{
        put("dropped", "The caller hung up or the line dropped");
        put("wrong_number", "Wrong number or not about child maintenance");
        put("mistake", "Started by mistake");
        put("test", "A test call");
    }});

    /** Ends a call in progress without an outcome; it leaves the handler's list and supervisors see why. */
    public Call end(UUID id, String reason, UUID requestId) {
        if (!END_REASONS.containsKey(reason)) throw new IllegalArgumentException("no such reason: " + reason);
        return dao.jdbi().inTransaction(h -> {
            CallDao.Locked locked = dao.lock(h, id, requestId).orElseThrow(() -> unknownCall(id));
            if (locked.replay("ended") != null) return locked.call();
            Call call = stillOpen(locked.call());
            Instant now = clock.instant();
            Call ended = new Call(call.id(), call.flowId(), call.flowVersion(), call.handlerId(), call.callSid(), call.nation(),
                    Call.Status.ended, call.currentQuestion(), call.answers(), null, List.of(), null, call.startedAt(), now, now);
            dao.record(h, ended, now, new ArrayList<>(List.of(CallEvent.of(CallEvent.Type.ended, null, reason, null, write(Map.of("reason", reason))))),
                    requestId, "{}");
            return ended;
        });
    }

    /** The call after an answer, and the outcome it reached, if any. */
    private record Advanced(Call call, Outcome outcome) {}

    private Advanced next(Call call, Flow flow, Position position, Instant now, LocalDate today, List<CallEvent> events) {
        Map<String, Instant> when = new java.util.HashMap<>();
        call.answers().forEach(a -> when.put(a.question(), a.at()));
        Map<String, String> old = call.answerMap();
        List<GivenAnswer> inForce = position.path().stream().map(q -> {
            String v = position.answersInForce().get(q);
            Instant at = Objects.equals(old.get(q), v) ? when.get(q) : now;
            return new GivenAnswer(q, v, at);
        }).toList();
        if (!position.finished()) {
            return new Advanced(new Call(call.id(), call.flowId(), call.flowVersion(), call.handlerId(), call.callSid(), call.nation(),
                    Call.Status.in_progress, position.question().id(), inForce, null, List.of(), null,
                    call.startedAt(), now, null), null);
        }
        Nation nation = nationFor(position.answersInForce(), call);
        Outcome outcome = renderer.outcome(flow, position, calendar.dueDates(nation, today));
        events.add(CallEvent.of(CallEvent.Type.outcome, null, outcome.code(), null, write(Map.of("flags", outcome.flags()))));
        return new Advanced(new Call(call.id(), call.flowId(), call.flowVersion(), call.handlerId(), call.callSid(), call.nation(),
                Call.Status.completed, null, inForce, outcome.code(), outcome.flags(), write(outcome),
                call.startedAt(), now, now), outcome);
    }

    /** Whose bank holidays the call's dates use: the region answered decides, else the nation the call started with. */
    public Nation nationOf(Call call) {
        return nationFor(call.answerMap(), call);
    }

    private Nation nationFor(Map<String, String> answers, Call call) {
        return Nation.forRegion(answers.get(IntakeRules.REGION), call.nation(), defaultNation);
    }

    /** The question, if the call has reached it: the current one, or one already answered on its path. */
    private static Question asked(Flow flow, Position position, String question) {
        Question q = flow.questions().get(question);
        if (q == null) throw new CallRefused(Reason.unknown_question, "flow " + flow.id() + " has no question '" + question + "'");
        boolean current = position.question() != null && position.question().id().equals(question);
        if (!current && !position.path().contains(question)) {
            throw new CallRefused(Reason.not_on_path, "'" + question + "' is not asked on this call's path yet; the current question is "
                    + (position.question() == null ? "none" : "'" + position.question().id() + "'"));
        }
        return q;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    private static CallRefused unknownCall(UUID id) {
        return new CallRefused(Reason.unknown_call, "no call " + id);
    }

    private static CallRefused callSidInUse(String callSid) {
        return new CallRefused(Reason.call_sid_in_use, "a guided call already exists for phone call " + callSid);
    }

    private static CallRefused notesRefused() {
        return new CallRefused(Reason.notes_not_allowed, "this is a complaint about a member of staff's behaviour: "
                + "the procedure allows no details of it to be recorded, so notes are refused");
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored reply that cannot be read", e);
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
