package callguide.resolution;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drives a case through moves, filling every field a move needs unless the test says otherwise. */
final class CaseWalk {
    static final String CW = "resolution_caseworker";
    static final String TL = "resolution_team_leader";
    final CaseEngine engine = new CaseEngine(ResolutionFlows.shipped());
    CaseState state;
    LocalDate today;
    CaseEngine.Moved last;

    CaseWalk(CaseKind kind, LocalDate received, Map<String, String> facts) {
        this.state = engine.open(kind, received, facts);
        this.today = received;
    }

    static CaseWalk complaint(String... facts) {
        return new CaseWalk(CaseKind.complaint, LocalDate.of(2026, 3, 2), pairs(facts));
    }

    static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    CaseWalk on(LocalDate day) {
        today = day;
        return this;
    }

    CaseWalk move(String move, String... overrides) {
        return as(CW, move, overrides);
    }

    CaseWalk as(String role, String move, String... overrides) {
        last = engine.apply(state, move, role, filled(move, pairs(overrides)), today);
        state = last.state();
        return this;
    }

    /** Every field the move needs (a plain optional one left out), with a value it takes; overrides win. */
    Map<String, String> filled(String moveId, Map<String, String> overrides) {
        Move m = engine.flow().stage(state.stage()).moves().get(moveId);
        Map<String, String> out = new HashMap<>();
        if (m != null) {
            for (Field f : engine.fields(state, m)) {
                if (f.optional() && f.requiredWhen().isEmpty()) continue;
                out.put(f.id(), switch (f.kind()) {
                    case choice -> f.options().get(0);
                    case code -> engine.flow().resolutionCodes().get(0);
                    case date -> today.plusDays(20).toString();
                    case text, open -> "text for " + f.id();
                });
            }
        }
        out.putAll(overrides);
        out.values().removeIf(v -> v == null);
        return out;
    }

    /** From receipt to the service request set up, by investigation (steps 1-11). */
    CaseWalk toReview() {
        return move("acknowledge").move("needs_investigation").move("referral_sent").move("bau_allocated")
                .move("sr_set_up", "dissatisfaction_within_6_months", "yes");
    }

    /** On to a plan agreed with the client (steps 12-28, 38). */
    CaseWalk toActions() {
        return toReview().move("plan_discussed").move("further_action").move("bau_review_returned")
                .move("plan_drafted").move("client_agrees_plan");
    }

    String stage() {
        return state.stage();
    }

    /** The ids of the moves the case's stage offers now. */
    List<String> offered() {
        return engine.offered(state).stream().map(Move::id).toList();
    }

    List<String> letters() {
        return state.letters().stream().map(IssuedLetter::code).toList();
    }

    CaseClock clock(String name) {
        return state.clock(name).orElseThrow();
    }
}
