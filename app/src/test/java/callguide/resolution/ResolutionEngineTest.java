package callguide.resolution;

import callguide.resolution.MoveRefused.Reason;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static callguide.resolution.CaseWalk.TL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolutionEngineTest {

    private static MoveRefused refused(Reason reason, Runnable r) {
        MoveRefused e = assertThrows(MoveRefused.class, r::run);
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @Nested
    class FromReceiptToEachResolutionCode {
        @Test
        void rejectedAtStep11() {
            CaseWalk w = CaseWalk.complaint().move("acknowledge").move("resolvable_now")
                    .move("reject", "dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "no");
            assertEquals("closed", w.stage());
            assertEquals("Rejected", w.state.resolutionCode());
        }

        @Test
        void anEnquiryClosesAsNoActionTaken() {
            CaseWalk w = CaseWalk.complaint().toReview().move("enquiry_only");
            assertEquals("No Action Taken", w.state.resolutionCode());
            assertTrue(w.last.tasks().stream().anyMatch(t -> t.contains("feedback")), "feedback to whoever referred it");
        }

        @Test
        void actionsCompleteClientOk() {
            CaseWalk w = CaseWalk.complaint().toActions().move("actions_done").move("client_agrees_close");
            assertEquals("closed", w.stage());
            assertEquals("Actions Complete – Client Ok", w.state.resolutionCode());
            assertEquals(List.of(), w.letters());
            w.move("lock_flag_removed");
            assertEquals("returned_to_bau", w.stage());
            assertEquals("Actions Complete – Client Ok", w.state.resolutionCode(), "step 46 keeps the code");
        }

        @Test
        void actionsCompleteClientNotOkIssuesCmsl5710WithTheLeaflet() {
            CaseWalk w = CaseWalk.complaint().toActions().move("actions_done").move("client_disagrees_close");
            assertEquals("Actions Complete – Client Not Ok", w.state.resolutionCode());
            assertEquals(List.of("CMSL5710", "CMSB011"), w.letters());
        }

        @Test
        void noFurtherActionWithTheClientAgreeingGoesToStep43() {
            CaseWalk w = CaseWalk.complaint().toReview().move("plan_discussed").move("no_further_action").move("client_agrees_close");
            assertEquals("Actions Complete – Client Ok", w.state.resolutionCode());
        }

        @Test
        void aCodeTheProcedureDoesNotGiveIsRefused() {
            CaseWalk w = CaseWalk.complaint().toReview().move("plan_discussed").move("no_further_action").move("client_unreachable");
            w.on(w.clock("reply_wait").due());
            MoveRefused e = refused(Reason.fields_invalid, () -> w.move("no_reply_close", "resolution_code", "Withdrawn"));
            assertEquals(List.of("resolution_code"), e.missing());
            w.move("no_reply_close", "resolution_code", "No Action Taken", "reason", "no reply, nothing more to do");
            assertEquals("No Action Taken", w.state.resolutionCode());
        }

        @Test
        void aCodeTypedWithAHyphenIsTheCodeAs002WritesIt() {
            CaseWalk w = CaseWalk.complaint().toReview().move("plan_discussed").move("no_further_action").move("client_unreachable");
            w.move("client_replied_close", "resolution_code", "Actions Complete - Client Not Ok", "reason", "disagrees");
            assertEquals("Actions Complete – Client Not Ok", w.state.resolutionCode());
        }

        @Test
        void anMpsNonCaseSpecificQueryIsItsOwnShortTrackWithNoCode() {
            CaseWalk w = new CaseWalk(CaseKind.mp_query, LocalDate.of(2026, 3, 2), Map.of("parliamentary", "yes"));
            assertEquals(List.of("acknowledge"), w.state.clocks().stream().map(CaseClock::name).toList(), "no 15-day clock");
            refused(Reason.move_not_allowed, () -> w.move("non_case_specific_query"));
            w.move("authenticate_mp").move("non_case_specific_query").move("query_sr_raised");
            assertEquals("query_in_hand", w.stage());
            assertNull(w.state.resolutionCode());
            assertTrue(w.last.tasks().contains("Record this stage in Respond"));
        }

        /** Otherwise a complaint could stop its 15-day clock as a "query", and a query close as a complaint. */
        @Test
        void aComplaintAndAnMpsQueryKeepToTheirOwnTracks() {
            CaseWalk complaint = CaseWalk.complaint("parliamentary", "yes").move("authenticate_mp");
            assertFalse(complaint.offered().contains("non_case_specific_query"), complaint.offered().toString());
            refused(Reason.move_not_allowed, () -> complaint.move("non_case_specific_query"));
            assertEquals("received", complaint.stage());
            complaint.move("acknowledge");

            CaseWalk query = new CaseWalk(CaseKind.mp_query, LocalDate.of(2026, 3, 2), Map.of("parliamentary", "yes")).move("authenticate_mp");
            assertFalse(query.offered().contains("acknowledge"), query.offered().toString());
            assertFalse(query.offered().contains("case_specific_query"), query.offered().toString());
            refused(Reason.move_not_allowed, () -> query.move("acknowledge"));
            query.move("non_case_specific_query");
            assertEquals("mp_query", query.stage());
        }
    }

    /** The 15 days are to resolve and tell the client (002 intro): CMSL5708 tells them when the phone does not (step 42). */
    @Test
    void theFifteenDaysStopWhenCmsl5708TellsTheClientTheOutcome() {
        CaseWalk w = CaseWalk.complaint().toActions().move("actions_done");
        w.on(LocalDate.of(2026, 3, 12)).move("client_unreachable");
        assertEquals(LocalDate.of(2026, 3, 12), w.clock("resolve").stoppedAt(), "told by letter on day 10");
        w.on(LocalDate.of(2026, 3, 26)).move("no_reply_close", "resolution_code", "No Action Taken", "reason", "no answer");
        assertEquals(LocalDate.of(2026, 3, 12), w.clock("resolve").stoppedAt(), "closing later does not move it");
    }

    /** 002 step 11: the 3rd party account is the MP's constituency, and the complaint details record the MP's name. */
    @Test
    void step11NeedsTheMpsNameAndConstituencyWhenAnMpIsInvolved() {
        CaseWalk w = CaseWalk.complaint().move("acknowledge").move("resolvable_now");
        MoveRefused e = refused(Reason.fields_missing, () -> w.move("sr_set_up",
                "parliamentary_contact_involved", "yes", "mp_name", null, "constituency", null));
        assertEquals(List.of("constituency", "mp_name"), e.missing());
        assertEquals("sr_setup", w.stage(), "nothing changed");
        w.move("sr_set_up", "parliamentary_contact_involved", "no", "dissatisfaction_within_6_months", "yes",
                "mp_name", null, "constituency", null);
        assertEquals("crt_review", w.stage(), "no MP, no MP's details");
    }

    @Test
    void step11RefusesToGoOnWithNoRecentDissatisfactionAndNoMp() {
        CaseWalk w = CaseWalk.complaint().move("acknowledge").move("resolvable_now");
        MoveRefused e = refused(Reason.refused_by_procedure, () -> w.move("sr_set_up",
                "dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "no"));
        assertTrue(e.getMessage().contains("step 11"), e.getMessage());
        refused(Reason.refused_by_procedure, () -> w.move("reject", "dissatisfaction_within_6_months", "yes"));
        assertEquals("sr_setup", w.stage(), "nothing changed");
        w.move("sr_set_up", "dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "yes");
        assertEquals("crt_review", w.stage(), "an MP contact goes on whatever the date");
    }

    /** 002 step 11 rejects only an issue with no MP contact: a case an MP brought is never rejected there. */
    @Test
    void anMpsCaseIsNeverRejectedAtStep11() {
        CaseWalk w = CaseWalk.complaint("parliamentary", "yes").move("authenticate_mp").move("acknowledge").move("resolvable_now");
        refused(Reason.move_not_allowed, () -> w.move("reject", "dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "no"));
        refused(Reason.refused_by_procedure, () -> w.move("sr_set_up", "dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "no"));
        w.move("sr_set_up", "dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "yes");
        assertEquals("crt_review", w.stage(), "the MP's contact carries it on");
    }

    @Test
    void anMpIsAuthenticatedBeforeTheCaseIsDiscussed() {
        CaseWalk w = CaseWalk.complaint("parliamentary", "yes");
        refused(Reason.move_not_allowed, () -> w.move("acknowledge"));
        w.move("authenticate_mp").move("acknowledge");
        assertEquals("acknowledged", w.stage());
        assertTrue(w.last.tasks().contains("Record this stage in Respond"), "Respond is a task at each stage");
        refused(Reason.move_not_allowed, () -> w.move("authenticate_mp"));
    }

    @Nested
    class ConsolatoryPaymentReferralOnly {
        @Test
        void everyLetterAfterAFailedCallIsCmel9271() {
            CaseWalk w = CaseWalk.complaint("consolatory_only", "yes").toReview();
            refused(Reason.move_not_allowed, () -> w.move("client_unreachable"));
            w.move("client_unreachable_consolatory");
            assertEquals(List.of("CMEL9271"), w.letters());
            w.move("client_replied").move("plan_discussed").move("further_action").move("bau_review_returned").move("plan_drafted");
            refused(Reason.move_not_allowed, () -> w.move("client_unreachable"));
            w.move("client_unreachable_consolatory").move("client_agrees_plan").move("actions_done");
            refused(Reason.move_not_allowed, () -> w.move("client_unreachable"));
            w.move("client_unreachable_consolatory");
            assertEquals(List.of("CMEL9271", "CMEL9271", "CMEL9271"), w.letters());
        }

        /** 002 after step 45: all contact on this route is by phone, so a client who will not agree to close is sent no letter. */
        @Test
        void aClientWhoWillNotAgreeToCloseIsToldByPhoneWithNoLetter() {
            CaseWalk w = CaseWalk.complaint("consolatory_only", "yes").toActions().move("actions_done");
            refused(Reason.move_not_allowed, () -> w.move("client_disagrees_close"));
            w.move("client_disagrees_close_consolatory");
            assertEquals("closed", w.stage());
            assertEquals("Actions Complete – Client Not Ok", w.state.resolutionCode());
            assertEquals(List.of(), w.letters());
            CaseWalk standard = CaseWalk.complaint().toActions().move("actions_done");
            refused(Reason.move_not_allowed, () -> standard.move("client_disagrees_close_consolatory"));
            standard.move("client_disagrees_close");
            assertEquals(List.of("CMSL5710", "CMSB011"), standard.letters());
        }

        /** Only the letter changes on this route (002 after step 13, step 42): the SR waits and the outcome letter stops the 15 days. */
        @Test
        void cmel9271TakesTheLettersPlaceAndNothingElse() {
            CaseWalk review = CaseWalk.complaint("consolatory_only", "yes").toReview().move("client_unreachable_consolatory");
            assertEquals("Wait", review.last.move().sr().get("Status"), "step 13: a Wait status for 14 days");
            CaseWalk closing = CaseWalk.complaint("consolatory_only", "yes").toActions().move("actions_done");
            closing.on(LocalDate.of(2026, 3, 12)).move("client_unreachable_consolatory");
            assertEquals("Wait", closing.last.move().sr().get("Sub Status"), "step 42: Sub Status Wait");
            assertEquals(LocalDate.of(2026, 3, 12), closing.clock("resolve").stoppedAt(), "told the outcome by letter on day 10");
        }
    }

    /** 002 step 29: an MP's case specific query is the Parliamentary team's enquiry, closed at review with an enquiry SR (step 13). */
    @Test
    void anMpsCaseSpecificQueryClosesAsAnEnquiry() {
        CaseWalk w = CaseWalk.complaint("parliamentary", "yes").move("authenticate_mp").move("case_specific_query");
        assertEquals("crt_review", w.stage());
        assertEquals(List.of("enquiry_only"), w.offered().stream()
                .filter(m -> !List.of("log_call_attempt", "agree_timetable").contains(m)).toList(), "no SR was set up for a complaint");
        refused(Reason.move_not_allowed, () -> w.move("plan_discussed"));
        w.move("enquiry_only");
        assertEquals("No Action Taken", w.state.resolutionCode());
    }

    /** 002 step 11: an MP recorded as involved makes the case parliamentary, and BAU's consolatory-only note makes it phone-only. */
    @Test
    void whatStep11RecordsCarriesOn() {
        CaseWalk w = CaseWalk.complaint().move("acknowledge").move("resolvable_now");
        w.move("sr_set_up", "dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "yes",
                "consolatory_referral_only", "yes");
        assertEquals("yes", w.state.facts().get("parliamentary"));
        assertEquals("yes", w.state.facts().get("consolatory_only"));
        assertTrue(w.last.tasks().contains("Record this stage in Respond"), "from the move that makes it parliamentary");
        w.move("plan_discussed");
        assertTrue(w.last.tasks().contains("Record this stage in Respond"), "Respond at every stage of a parliamentary case");
        CaseWalk plain = CaseWalk.complaint().move("acknowledge").move("resolvable_now");
        plain.move("sr_set_up", "dissatisfaction_within_6_months", "yes", "parliamentary_contact_involved", "no", "consolatory_referral_only", null);
        assertEquals("no", plain.state.facts().get("parliamentary"));
        assertEquals("no", plain.state.facts().get("consolatory_only"));
        refused(Reason.move_not_allowed, () -> plain.move("client_unreachable_consolatory"));
    }

    /** 002 step 8 links the Dissatisfaction SR; an MP's complaint that never reached Dissatisfaction has none (step 11). */
    @Test
    void step11NeedsTheDissatisfactionSrOnlyWhenThereWasOne() {
        CaseWalk w = CaseWalk.complaint().move("acknowledge").move("resolvable_now");
        MoveRefused e = refused(Reason.fields_missing, () -> w.move("sr_set_up",
                "dissatisfaction_within_6_months", "yes", "dissatisfaction_sr", null));
        assertEquals(List.of("dissatisfaction_sr"), e.missing());
        w.move("sr_set_up", "dissatisfaction_within_6_months", "no", "parliamentary_contact_involved", "yes", "dissatisfaction_sr", null);
        assertEquals("crt_review", w.stage());
    }

    @Test
    void aPlanRejectedByTheTeamLeaderIsRedraftedAndApproved() {
        CaseWalk w = CaseWalk.complaint().toReview().move("plan_discussed").move("further_action").move("bau_review_returned")
                .move("plan_for_approval");
        assertEquals("awaiting_approval", w.stage());
        assertEquals("Pending Approval - TL", w.last.move().sr().get("Sub Status"));
        refused(Reason.forbidden, () -> w.move("tl_approves"));
        w.as(TL, "plan_rejected");
        assertEquals("further_action_bau", w.stage(), "step 25: back to step 20 for a new plan");
        assertEquals("N", w.state.facts().get("tl_approved"));
        w.move("bau_review_returned").move("plan_for_approval").as(TL, "manager_approves");
        assertEquals("plan_approved", w.stage());
        assertEquals("Y", w.state.facts().get("tl_approved"));
        assertTrue(w.last.tasks().stream().anyMatch(t -> t.contains("CMSF5551 (NI)")));
        w.move("plan_ready");
        assertEquals("plan_with_client", w.stage(), "step 26, then the plan goes to the client (27)");
        assertEquals(Map.of("Sub Status", "Draft Action Plan", "Stage", "Draft Resolution Plan"), w.last.move().sr());
    }

    @Nested
    class ADisputedPlan {
        CaseWalk disputed() {
            return CaseWalk.complaint().toReview().move("plan_discussed").move("further_action").move("bau_review_returned")
                    .move("plan_drafted").move("client_disagrees_plan");
        }

        @Test
        void keptAlwaysIssuesCmsl5706() {
            CaseWalk w = disputed();
            refused(Reason.forbidden, () -> w.move("plan_kept"));
            w.as(TL, "plan_kept").move("client_told_plan_stands");
            assertEquals(List.of("CMSL5706"), w.letters());
            assertEquals("undertaking_actions", w.stage());
        }

        @Test
        void changedIssuesCmsl5707OnlyWhenTheClientCannotBeReached() {
            CaseWalk reached = disputed().as(TL, "plan_to_change").move("client_told_new_plan");
            assertEquals(List.of(), reached.letters());
            assertEquals("further_action_bau", reached.stage());
            CaseWalk unreached = disputed().as(TL, "plan_to_change").move("client_unreachable");
            assertEquals(List.of("CMSL5707"), unreached.letters());
            assertEquals("further_action_bau", unreached.stage());
        }
    }

    @Nested
    class TheClientUnreachableAtEachLetter {
        @Test
        void step13Cmsl5703WaitsFourteenDaysThenEitherExit() {
            CaseWalk w = CaseWalk.complaint().toReview().move("client_unreachable");
            assertEquals(List.of("CMSL5703"), w.letters());
            assertEquals(LocalDate.of(2026, 3, 16), w.clock("reply_wait").due());
            refused(Reason.too_early, () -> w.on(LocalDate.of(2026, 3, 15)).move("no_reply_close", "reason", "x"));
            w.on(LocalDate.of(2026, 3, 16)).move("no_reply_close", "resolution_code", "No Action Taken", "reason", "not enough information");
            assertEquals("closed", w.stage());
            CaseWalk replied = CaseWalk.complaint().toReview().move("client_unreachable").move("client_replied");
            assertEquals("crt_review", replied.stage());
            assertEquals(LocalDate.of(2026, 3, 2), replied.clock("reply_wait").stoppedAt());
        }

        @Test
        void step17LogsTheAttemptsThenCmsl5703() {
            CaseWalk w = CaseWalk.complaint().toReview().move("plan_discussed").move("no_further_action");
            w.move("log_call_attempt", "result", "no answer").move("log_call_attempt", "result", "voicemail");
            MoveRefused e = refused(Reason.fields_missing, () -> w.move("client_unreachable", "attempts", null));
            assertEquals(List.of("attempts"), e.missing());
            w.move("client_unreachable");
            assertEquals(List.of("CMSL5703"), w.letters());
            assertEquals("nfa_wait", w.stage());
        }

        @Test
        void step27Cmsl5704WithItsParagraphChoices() {
            CaseWalk w = CaseWalk.complaint().toReview().move("plan_discussed").move("further_action").move("bau_review_returned")
                    .move("plan_drafted");
            refused(Reason.fields_invalid, () -> w.move("client_unreachable", "complaint_reference", "TM_99999"));
            w.move("client_unreachable", "complaint_reference", "TM_12115_E", "what_happens_next", "TM_12121_E");
            assertEquals(List.of("CMSL5704"), w.letters());
            assertEquals("TM_12115_E", w.state.facts().get("complaint_reference"));
            w.on(w.clock("reply_wait").due()).move("no_reply_go_ahead");
            assertEquals("undertaking_actions", w.stage());
        }

        @Test
        void step42Cmsl5708WaitsFourteenCalendarDays() {
            CaseWalk w = CaseWalk.complaint().toActions().move("actions_done").move("client_unreachable", "paragraph", "TM_04708_E");
            assertEquals(List.of("CMSL5708"), w.letters());
            assertEquals("closure_wait", w.stage());
            assertEquals(LocalDate.of(2026, 3, 16), w.clock("reply_wait").due());
            w.move("client_disagrees_close");
            assertEquals(List.of("CMSL5708", "CMSL5710", "CMSB011"), w.letters());
        }
    }

    @Test
    void step47OnEveryClosurePath() {
        CaseEngine engine = new CaseEngine(ResolutionFlows.shipped());
        int closures = 0;
        for (var e : engine.flow().allMoves()) {
            Stage from = e.getKey();
            Move m = e.getValue();
            if (from.closes() || !engine.flow().stage(m.to()).closes()) continue;
            closures++;
            for (String consolatory : List.of("no", "yes")) {
                CaseState at = at(engine, from.id(), consolatory);
                if (!engine.offered(at).contains(m)) continue;
                CaseWalk w = new CaseWalk(CaseKind.complaint, LocalDate.of(2026, 3, 2), Map.of());
                w.state = at;
                w.on(LocalDate.of(2026, 4, 30));
                Map<String, String> all = w.filled(m.id(), Map.of());
                if (m.id().equals("reject")) all.putAll(CaseWalk.pairs("dissatisfaction_within_6_months", "no",
                        "parliamentary_contact_involved", "no"));
                for (String needed : List.of("client_name", "scin", "case_number", "sr_number")) {
                    Map<String, String> without = new java.util.HashMap<>(all);
                    without.remove(needed);
                    MoveRefused r = assertThrows(MoveRefused.class, () -> engine.apply(at, m.id(), CaseWalk.CW, without, w.today));
                    assertEquals(Reason.fields_missing, r.reason(), from.id() + "." + m.id());
                    assertEquals(List.of(needed), r.missing());
                }
                CaseEngine.Moved done = engine.apply(at, m.id(), CaseWalk.CW, all, w.today);
                assertTrue(done.notice(), from.id() + "." + m.id());
                assertTrue(done.state().noticeRaised());
                assertTrue(done.tasks().stream().anyMatch(t -> t.contains("internal ICE team")));
                assertFalse(done.tasks().stream().anyMatch(t -> t.contains("@")), "the mailbox itself is configuration, never in the flow");
            }
        }
        assertEquals(16, closures, "closure moves, the MP query's and the consolatory route's included");
        CaseWalk plain = CaseWalk.complaint().toReview().move("enquiry_only");
        assertFalse(plain.last.notice(), "no notice without the flag");
    }

    private static CaseState at(CaseEngine engine, String stage, String consolatory) {
        CaseState open = engine.open(CaseKind.complaint, LocalDate.of(2026, 3, 2),
                Map.of("notify_ice_on_closure", "yes", "consolatory_only", consolatory));
        return new CaseState(open.kind(), stage, 9, open.receivedOn(), open.facts(),
                List.of(new CaseClock("reply_wait", LocalDate.of(2026, 4, 1), null)), null, List.of(), false);
    }

    @Nested
    class Clocks {
        @Test
        void dueDatesCountCalendarDaysAcrossMonthAndYearEnds() {
            assertDue("2026-01-30", "2026-02-01", "2026-02-14");
            assertDue("2026-02-27", "2026-03-01", "2026-03-14");
            assertDue("2028-02-28", "2028-03-01", "2028-03-14");
            assertDue("2026-12-31", "2027-01-02", "2027-01-15");
            assertDue("2026-03-28", "2026-03-30", "2026-04-12"); // across the clocks going forward
        }

        private void assertDue(String received, String acknowledge, String resolve) {
            CaseWalk w = new CaseWalk(CaseKind.complaint, LocalDate.parse(received), Map.of());
            assertEquals(LocalDate.parse(acknowledge), w.clock("acknowledge").due(), received);
            assertEquals(LocalDate.parse(resolve), w.clock("resolve").due(), received);
        }

        @Test
        void aStoppedClockStaysStoppedAndIsMetOnlyOnOrBeforeItsDate() {
            CaseWalk w = CaseWalk.complaint().on(LocalDate.of(2026, 3, 4)).move("acknowledge");
            assertEquals(LocalDate.of(2026, 3, 4), w.clock("acknowledge").stoppedAt());
            assertTrue(w.clock("acknowledge").met(), "stopped on its due date");
            assertFalse(w.clock("acknowledge").overdueOn(LocalDate.of(2026, 5, 1)), "a stopped clock is never overdue");
            CaseWalk late = CaseWalk.complaint().on(LocalDate.of(2026, 3, 5)).move("acknowledge");
            assertFalse(late.clock("acknowledge").met());
        }

        @Test
        void aTimetableAgreedAfterAMissNeverTurnsItIntoAHit() {
            CaseWalk w = CaseWalk.complaint().toReview().move("plan_discussed");
            w.on(LocalDate.of(2026, 3, 20)).move("agree_timetable", "agreed_date", "2026-04-10", "reason", "BAU need longer");
            assertEquals("decision", w.stage(), "a timetable keeps the case where it is");
            assertEquals(LocalDate.of(2026, 3, 17), w.clock("resolve").due(), "the 15-day date stays");
            assertTrue(w.clock("resolve").overdueOn(LocalDate.of(2026, 3, 20)));
            assertEquals(LocalDate.of(2026, 4, 10), w.clock("timetable").due());
            w.on(LocalDate.of(2026, 4, 2)).move("no_further_action").move("client_agrees_close");
            assertEquals(LocalDate.of(2026, 4, 2), w.clock("resolve").stoppedAt());
            assertFalse(w.clock("resolve").met(), "resolved inside the timetable, still a miss of the 15 days");
            assertTrue(w.clock("timetable").met());
        }

        @Test
        void aTimetableDateMustBeADate() {
            CaseWalk w = CaseWalk.complaint();
            refused(Reason.fields_invalid, () -> w.move("agree_timetable", "agreed_date", "next week"));
        }
    }

    @Test
    void aPlaceholderHasNoDetailsNoClocksAndNoMoves() {
        CaseEngine engine = new CaseEngine(ResolutionFlows.shipped());
        CaseState p = engine.open(CaseKind.placeholder, LocalDate.of(2026, 3, 2), Map.of("complaint_details", "about Mr X"));
        assertEquals(Map.of(), p.facts());
        assertEquals(List.of(), p.clocks());
        assertEquals(List.of(), engine.offered(p));
        refused(Reason.move_not_allowed, () -> engine.apply(p, "acknowledge", CaseWalk.CW, Map.of(), LocalDate.of(2026, 3, 2)));
    }

    @Test
    void unknownFieldsAreRefusedNotDropped() {
        CaseWalk w = CaseWalk.complaint();
        MoveRefused e = refused(Reason.fields_invalid, () -> w.move("acknowledge", "colour", "blue"));
        assertEquals(List.of("colour"), e.missing());
        // The missing fields come first, as the API's contract orders its checks.
        MoveRefused first = refused(Reason.fields_missing, () -> w.move("acknowledge", "colour", "blue", "parties", null));
        assertEquals(List.of("parties"), first.missing());
    }
}
