package callguide.casework;

import callguide.call.Call;
import callguide.call.CallService;
import callguide.casework.CaseRefused.Reason;
import callguide.flow.IntakeRules;
import callguide.resolution.CaseEngine;
import callguide.resolution.CaseKind;
import callguide.resolution.CaseState;
import callguide.resolution.ProcessFlow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** CRT cases: opened from a guided call or by hand, moved by the engine, each change one event in one transaction. */
public final class CaseService {
    static final ZoneId UK = ZoneId.of("Europe/London");
    /** Intake outcomes that send work to the CRT; a staff-conduct MP contact opens only a placeholder. */

    private final CaseDao dao;
    private final CaseEngine engine;
    /** The same flow in Northern Ireland's terms, for the NI team's cases: moves and ids match the GB flow's one for one. */
    private final CaseEngine niEngine;
    private final CallService calls;
    private final Clock clock;

    public CaseService(CaseDao dao, CaseEngine engine, CallService calls, Clock clock) {
        this(dao, engine, engine, calls, clock);
    }

    public CaseService(CaseDao dao, CaseEngine engine, CaseEngine niEngine, CallService calls, Clock clock) {
        this.dao = dao;
        this.engine = engine;
        this.niEngine = niEngine;
        this.calls = calls;
        this.clock = clock;
    }

    /** The flow in Great Britain's terms: for what is not one team's. */
    public ProcessFlow flow() {
        return engine.flow();
    }

    /** The flow in the team's own terms. */
    public ProcessFlow flow(String team) {
        return engine(team).flow();
    }

    public CaseEngine engine(String team) {
        return IntakeRules.NI.equals(team) ? niEngine : engine;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    /** A case opened, or the one the call already opened ({@code created} false). */
    public record Opened(CaseRecord record, boolean created) {}

    public Opened openFromCall(UUID callId, Actor who) {
        var existing = dao.findByCall(callId);
        if (existing.isPresent()) return new Opened(existing.get(), false);
        Call call;
        try {
            call = calls.get(callId);
        } catch (RuntimeException e) {
            throw new CaseRefused(Reason.unknown_call, "no guided call " + callId);
        }
        if (call.status() != Call.Status.completed) {
            throw new CaseRefused(Reason.call_in_progress, "call " + callId + " has no outcome yet");
        }
        Map<String, String> answers = call.answerMap();
        String team = IntakeRules.team(answers);
        if (!IntakeRules.opensResolutionCase(call.outcomeCode(), answers)) throw notForCrt(call);
        // Received the day the call reached its outcome, whenever the case is opened from it.
        LocalDate received = LocalDate.ofInstant(call.completedAt(), UK);
        if (IntakeRules.STAFF_CONDUCT_CONFIDENTIAL.equals(call.outcomeCode())) {
            // Staff conduct: only an MP/MLA's contact is the CRT's, and it keeps nothing but the link (000 step 1).
            return open(CaseKind.placeholder, Map.of(), team, callId, call.handlerId(), received, IntakeRules.mpLetter(answers), who);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("parliamentary", yes(call.flags().contains(IntakeRules.PARLIAMENTARY_CONTACT)));
        facts.put("notify_ice_on_closure", yes(call.flags().contains(IntakeRules.NOTIFY_ICE_ON_CLOSURE)));
        facts.put("consolatory_only", yes(IntakeRules.consolatoryOnly(answers)));
        CaseKind kind = IntakeRules.nonCaseSpecificQuery(answers) ? CaseKind.mp_query : CaseKind.complaint;
        // An MP's letter goes to the top of the team's queue.
        return open(kind, facts, team, callId, call.handlerId(), received, IntakeRules.mpLetter(answers), who);
    }

    /**
     * A transfer or referral taken from the waiting list: its case, opened if need be, made the taker's unless someone
     * already has it. A staff-conduct placeholder is no one's: it keeps nothing, not even who took it.
     */
    public CaseRecord takeFromCall(UUID callId, Actor who) {
        CaseRecord c = openFromCall(callId, who).record();
        if (c.caseworker() != null || c.state().kind() == CaseKind.placeholder) return c;
        try {
            return assign(c.id(), c.version(), who.username(), who);
        } catch (CaseRefused e) {
            if (e.reason() != Reason.stale_version) throw e;
            return c; // changed meanwhile: shown as it is now
        }
    }

    /** A case opened by hand: an MP's letter, or one passed on by BAU (top of the team's queue). */
    public Opened openManual(ManualCase m, Actor who) {
        // Staff conduct keeps no free text at all, not even who referred it (the opening event says who opened it).
        if (m.staffConduct()) return open(CaseKind.placeholder, Map.of(), m.team(), null, null, m.receivedOn(), m.fromBau(), who);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("parliamentary", yes(m.parliamentary() || m.nonCaseSpecificQuery())); // such a query is an MP's by definition
        facts.put("notify_ice_on_closure", yes(m.iceNotice()));
        facts.put("consolatory_only", yes(m.consolatoryOnly()));
        CaseKind kind = m.nonCaseSpecificQuery() ? CaseKind.mp_query : CaseKind.complaint;
        return open(kind, facts, m.team(), null, m.referredBy(), m.receivedOn(), m.fromBau(), who);
    }

    private Opened open(CaseKind kind, Map<String, String> facts, String team, UUID callId, String referredBy,
                        LocalDate receivedOn, boolean immediate, Actor who) {
        Instant now = clock.instant();
        CaseState state = engine(team).open(kind, receivedOn, facts);
        CaseRecord record = new CaseRecord(UUID.randomUUID(), team, null, callId, referredBy, receivedOn, immediate, state, now, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", kind.name());
        detail.put("receivedOn", receivedOn.toString());
        detail.put("facts", facts);
        detail.put("flowVersion", engine.flow().version()); // which resolution.yaml the case began under
        CaseEvent opened = new CaseEvent(1, now, today(), who.username(), who.role(), "opened", null, detail);
        try {
            dao.jdbi().useTransaction(h -> {
                dao.insert(h, record);
                dao.append(h, record.id(), opened);
            });
        } catch (UnableToExecuteStatementException e) {
            // The same call opened twice at once: the unique call id lets one through; the other gets it back.
            if (callId != null) {
                var other = dao.findByCall(callId);
                if (other.isPresent()) return new Opened(other.get(), false);
            }
            throw e;
        }
        return new Opened(record, true);
    }

    public CaseRecord get(UUID id) {
        return dao.find(id).orElseThrow(() -> new CaseRefused(Reason.unknown_case, "no case " + id));
    }

    /** The case, with this look at it recorded. */
    public CaseRecord view(UUID id, Actor who, String via) {
        CaseRecord c = get(id);
        logView(id, who, via);
        return c;
    }

    /** Records a look at a case shown some other way: opened again, or sent back with a refusal. */
    public void logView(UUID id, Actor who, String via) {
        dao.logView(id, who, via, clock.instant());
    }

    public List<CaseEvent> events(UUID id) {
        return dao.events(id);
    }

    public List<CaseDao.View> views(UUID id) {
        return dao.views(id);
    }

    public List<CaseDao.Waiting> waitingCalls() {
        return dao.waitingCalls();
    }

    public List<CaseRecord> all() {
        return dao.all();
    }

    /**
     * Makes a move on the version the mover saw. Refusals come in a fixed order: a stale version, a move the
     * stage does not offer, a role that may not make it, then the fields. Nothing is written on a refusal.
     */
    public CaseRecord move(UUID id, int seen, String move, Map<String, String> fields, Actor who) {
        return dao.jdbi().inTransaction(h -> {
            CaseRecord c = dao.lock(h, id).orElseThrow(() -> new CaseRefused(Reason.unknown_case, "no case " + id));
            if (c.version() != seen) {
                throw new CaseRefused(Reason.stale_version, "the case has changed since version " + seen
                        + ": it is at version " + c.version() + ", stage '" + c.state().stage() + "'", c);
            }
            LocalDate on = today();
            CaseEngine.Moved moved;
            try {
                moved = engine(c.team()).apply(c.state(), move, who.role(), fields, on);
            } catch (callguide.resolution.MoveRefused e) {
                // Refused on this version: the refusal shows the case as it was checked, not as it is a moment later.
                throw new CaseMoveRefused(e, c);
            }
            Instant now = clock.instant();
            CaseRecord next = c.with(moved.state(), c.caseworker() == null ? who.username() : c.caseworker(), now);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("fields", new LinkedHashMap<>(fields));
            detail.put("letters", moved.letters().stream().map(l -> l.code()).toList());
            detail.put("notice", moved.notice());
            detail.put("tasks", moved.tasks());
            dao.append(h, id, new CaseEvent(next.version(), now, on, who.username(), who.role(), "moved", move, detail));
            if (!dao.update(h, next, seen)) throw new IllegalStateException("case " + id + " changed under its lock");
            return next;
        });
    }

    /** Takes the case into the caseworker's own queue. */
    public CaseRecord assign(UUID id, int seen, String caseworker, Actor who) {
        return dao.jdbi().inTransaction(h -> {
            CaseRecord c = dao.lock(h, id).orElseThrow(() -> new CaseRefused(Reason.unknown_case, "no case " + id));
            if (c.version() != seen) throw new CaseRefused(Reason.stale_version, "the case has changed since version " + seen, c);
            CaseState s = c.state();
            CaseState bumped = new CaseState(s.kind(), s.stage(), s.version() + 1, s.receivedOn(), s.facts(), s.clocks(),
                    s.resolutionCode(), s.letters(), s.noticeRaised());
            Instant now = clock.instant();
            CaseRecord next = c.with(bumped, caseworker, now);
            dao.append(h, id, new CaseEvent(next.version(), now, today(), who.username(), who.role(), "assigned", null,
                    Map.of("caseworker", caseworker)));
            dao.update(h, next, seen);
            return next;
        });
    }

    /** The case's state rebuilt from its events alone. */
    public CaseState replay(UUID id) {
        List<CaseEvent> events = dao.events(id);
        if (events.isEmpty()) throw new CaseRefused(Reason.unknown_case, "no case " + id);
        CaseEngine engine = engine(dao.find(id).map(CaseRecord::team).orElse(null));
        CaseEvent first = events.get(0);
        @SuppressWarnings("unchecked")
        Map<String, String> facts = (Map<String, String>) first.detail().get("facts");
        CaseState s = engine.open(CaseKind.valueOf((String) first.detail().get("kind")),
                LocalDate.parse((String) first.detail().get("receivedOn")), facts);
        for (CaseEvent e : events.subList(1, events.size())) {
            if (e.type().equals("moved")) {
                s = engine.apply(s, e.move(), e.role(), e.fields(), e.on()).state();
            } else {
                s = new CaseState(s.kind(), s.stage(), s.version() + 1, s.receivedOn(), s.facts(), s.clocks(),
                        s.resolutionCode(), s.letters(), s.noticeRaised());
            }
        }
        return s;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static CaseRefused notForCrt(Call call) {
        return new CaseRefused(Reason.not_for_crt, "call " + call.id() + " ended in " + call.outcomeCode()
                + ", which sends no work to the Complaints Resolution Team");
    }

}
