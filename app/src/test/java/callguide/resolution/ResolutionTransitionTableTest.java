package callguide.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every move of the resolution flow, as 002 gives it: from, move, to, who makes it, the letters it issues,
 * the clocks it starts (+) and stops (-), and the resolution code it sets ("chosen": the caseworker picks one).
 * A move added, removed or changed in the flow must be changed here too.
 */
class ResolutionTransitionTableTest {
    private static final String TABLE = """
            received | acknowledge | acknowledged | caseworker | - | -acknowledge | -
            received | case_specific_query | crt_review | caseworker | - | -acknowledge | -
            received | non_case_specific_query | mp_query | caseworker | - | -acknowledge -resolve | -
            acknowledged | needs_investigation | first_contact | caseworker | - | - | -
            acknowledged | resolvable_now | sr_setup | caseworker | - | - | -
            first_contact | referral_sent | with_bau | caseworker | - | - | -
            with_bau | bau_allocated | sr_setup | caseworker for BAU | - | - | -
            sr_setup | sr_set_up | crt_review | caseworker | - | - | -
            sr_setup | reject | closed | caseworker | - | -acknowledge -resolve -timetable | Rejected
            crt_review | plan_discussed | decision | caseworker | - | - | -
            crt_review | enquiry_only | closed | caseworker | - | -acknowledge -resolve -timetable | No Action Taken
            crt_review | client_unreachable | review_wait | caseworker | CMSL5703 | +reply_wait | -
            crt_review | client_unreachable_consolatory | review_wait | caseworker | CMEL9271 | +reply_wait | -
            review_wait | client_replied | crt_review | caseworker | - | -reply_wait | -
            review_wait | no_reply_enough_information | decision | caseworker | - | -reply_wait | -
            review_wait | no_reply_close | closed | caseworker | - | -reply_wait -acknowledge -resolve -timetable | chosen
            decision | further_action | further_action_bau | caseworker | - | - | -
            decision | no_further_action | no_further_action | caseworker | - | - | -
            no_further_action | client_agrees_close | closed | caseworker | - | -acknowledge -resolve -timetable | Actions Complete – Client Ok
            no_further_action | client_disagrees_close | closed | caseworker | CMSL5710 CMSB011 | -acknowledge -resolve -timetable | Actions Complete – Client Not Ok
            no_further_action | client_disagrees_close_consolatory | closed | caseworker | - | -acknowledge -resolve -timetable | Actions Complete – Client Not Ok
            no_further_action | client_unreachable | nfa_wait | caseworker | CMSL5703 | +reply_wait | -
            no_further_action | client_unreachable_consolatory | nfa_wait | caseworker | CMEL9271 | +reply_wait | -
            nfa_wait | no_reply_close | closed | caseworker | - | -reply_wait -acknowledge -resolve -timetable | chosen
            nfa_wait | client_replied_close | closed | caseworker | - | -reply_wait -acknowledge -resolve -timetable | chosen
            further_action_bau | bau_review_returned | drafting_plan | caseworker for BAU | - | - | -
            drafting_plan | plan_for_approval | awaiting_approval | caseworker | - | - | -
            drafting_plan | plan_drafted | plan_with_client | caseworker | - | - | -
            awaiting_approval | tl_approves | plan_approved | team leader | - | - | -
            awaiting_approval | manager_approves | plan_approved | team leader for manager | - | - | -
            awaiting_approval | plan_rejected | further_action_bau | team leader | - | - | -
            plan_approved | plan_ready | plan_with_client | caseworker | - | - | -
            plan_with_client | client_agrees_plan | undertaking_actions | caseworker | - | - | -
            plan_with_client | client_disagrees_plan | plan_disputed | caseworker | - | - | -
            plan_with_client | client_unreachable | plan_letter_wait | caseworker | CMSL5704 | +reply_wait | -
            plan_with_client | client_unreachable_consolatory | plan_letter_wait | caseworker | CMEL9271 | +reply_wait | -
            plan_letter_wait | client_agrees_plan | undertaking_actions | caseworker | - | -reply_wait | -
            plan_letter_wait | client_disagrees_plan | plan_disputed | caseworker | - | -reply_wait | -
            plan_letter_wait | no_reply_go_ahead | undertaking_actions | caseworker | - | -reply_wait | -
            plan_disputed | plan_kept | plan_kept | team leader | - | - | -
            plan_disputed | plan_to_change | plan_changing | team leader | - | - | -
            plan_kept | client_told_plan_stands | undertaking_actions | caseworker | CMSL5706 | - | -
            plan_changing | client_told_new_plan | further_action_bau | caseworker | - | - | -
            plan_changing | client_unreachable | further_action_bau | caseworker | CMSL5707 | - | -
            plan_changing | client_unreachable_consolatory | further_action_bau | caseworker | CMEL9271 | - | -
            undertaking_actions | actions_done | agreeing_closure | caseworker | - | - | -
            agreeing_closure | client_agrees_close | closed | caseworker | - | -acknowledge -resolve -timetable | Actions Complete – Client Ok
            agreeing_closure | client_disagrees_close | closed | caseworker | CMSL5710 CMSB011 | -acknowledge -resolve -timetable | Actions Complete – Client Not Ok
            agreeing_closure | client_disagrees_close_consolatory | closed | caseworker | - | -acknowledge -resolve -timetable | Actions Complete – Client Not Ok
            agreeing_closure | client_unreachable | closure_wait | caseworker | CMSL5708 | +reply_wait -acknowledge -resolve -timetable | -
            agreeing_closure | client_unreachable_consolatory | closure_wait | caseworker | CMEL9271 | +reply_wait -acknowledge -resolve -timetable | -
            closure_wait | client_agrees_close | closed | caseworker | - | -reply_wait -acknowledge -resolve -timetable | Actions Complete – Client Ok
            closure_wait | client_disagrees_close | closed | caseworker | CMSL5710 CMSB011 | -reply_wait -acknowledge -resolve -timetable | Actions Complete – Client Not Ok
            closure_wait | client_disagrees_close_consolatory | closed | caseworker | - | -reply_wait -acknowledge -resolve -timetable | Actions Complete – Client Not Ok
            closure_wait | no_reply_close | closed | caseworker | - | -reply_wait -acknowledge -resolve -timetable | chosen
            mp_query | query_sr_raised | query_in_hand | caseworker | - | - | -
            closed | lock_flag_removed | returned_to_bau | caseworker | - | - | -
            """;

    private static String row(Stage s, Move m) {
        boolean tlOnly = m.roles().equals(List.of("resolution_team_leader"));
        String who = (tlOnly ? "team leader" : "caseworker") + (m.recordedFor() == null ? "" : " for " + m.recordedFor().split(" ")[0]);
        List<String> clock = new ArrayList<>();
        m.clock().start().forEach(c -> clock.add("+" + c));
        m.clock().stop().forEach(c -> clock.add("-" + c));
        boolean chosen = m.fields().stream().anyMatch(f -> f.kind() == Field.Kind.code);
        String code = m.resolutionCode() != null ? m.resolutionCode() : chosen ? "chosen" : "-";
        return String.join(" | ", s.id(), m.id(), m.to(), who, m.letters().isEmpty() ? "-" : String.join(" ", m.letters()),
                clock.isEmpty() ? "-" : String.join(" ", clock), code);
    }

    @Test
    void everyMoveIsInTheTableAndTheTableIsEveryMove() {
        String actual = ResolutionFlows.shipped().allMoves().stream().filter(e -> !e.getValue().common())
                .map(e -> row(e.getKey(), e.getValue())).collect(Collectors.joining("\n"));
        String expected = TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        assertEquals(expected, actual);
    }

    @Test
    void theCaseworkerAndTheTeamLeaderBothMakeACaseworkersMove() {
        ResolutionFlows.shipped().allMoves().stream().map(e -> e.getValue())
                .filter(m -> !m.roles().equals(List.of("resolution_team_leader")))
                .forEach(m -> assertEquals(List.of("resolution_caseworker", "resolution_team_leader"), m.roles(), m.id()));
    }

    @Test
    void everyOpenStageOffersTheCommonMovesAndEveryClosedStageNone() {
        for (Stage s : ResolutionFlows.shipped().stages().values()) {
            List<String> common = s.moves().values().stream().filter(Move::common).map(Move::id).toList();
            assertEquals(s.closes() ? List.of() : List.of("authenticate_mp", "log_call_attempt", "agree_timetable"), common, s.id());
            s.moves().values().stream().filter(Move::common).forEach(m -> assertEquals(s.id(), m.to(), "a common move stays put"));
        }
        Move timetable = ResolutionFlows.shipped().stage("decision").moves().get("agree_timetable");
        assertEquals(List.of("timetable"), timetable.clock().start());
        assertTrue(timetable.clock().stop().isEmpty(), "agreeing a timetable never stops the 15-day clock");
    }
}
