package callguide.flow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Broken flows are refused, each problem naming the file and the node it is in. */
class FlowValidatorTest {
    static final String INTAKE = TestFlows.resource("/flows/intake.yaml");
    static final FlowLoader LOADER = new FlowLoader(Vocabulary.INTAKE);

    /** A two-question flow on intake facts, small enough to break one thing at a time. */
    static final String TINY = """
            id: tiny
            title: Tiny
            start: staff_conduct
            documents:
              a.txt: Document A
            questions:
              staff_conduct:
                prompt: Is it about a member of staff?
                options:
                  'yes': Yes
                  'no': No
                sources:
                  - {file: a.txt, heading: A}
                next:
                  - when: {staff_conduct: 'yes'}
                    goto: staff_conduct_confidential
                  - goto: sla_process
              sla_process:
                prompt: Is it an agreed process?
                options:
                  'yes': Yes
                  'no': No
                sources:
                  - {file: a.txt, heading: A}
                next:
                  - when: {sla_process: 'yes'}
                    goto: refer_sla_team
                  - goto: refer_third_party_team
            outcomes:
              staff_conduct_confidential:
                code: STAFF_CONDUCT_CONFIDENTIAL
                title: Record nothing
                sources:
                  - {file: a.txt, heading: A}
              refer_sla_team:
                code: REFER_SLA_TEAM
                title: Refer to the SLA team
                sources:
                  - {file: a.txt, heading: B}
              refer_third_party_team:
                code: REFER_THIRD_PARTY_TEAM
                title: Route to the third party team
                sources:
                  - {file: a.txt, heading: C}
            """;

    // --- helpers ---------------------------------------------------------------------------------

    /** The text with one exact, unique fragment replaced, so a change to the flow cannot make a test pass vacuously. */
    static String with(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0, () -> "fragment not in the flow: " + from);
        assertEquals(at, text.lastIndexOf(from), () -> "fragment not unique in the flow: " + from);
        return text.replace(from, to);
    }

    static String intakeWith(String from, String to) {
        return with(INTAKE, from, to);
    }

    /** Loading fails, and every problem names the file. */
    static List<FlowProblem> problems(String file, String text) {
        InvalidFlow e = assertThrows(InvalidFlow.class, () -> LOADER.load(file, text));
        assertTrue(!e.problems().isEmpty(), "InvalidFlow without problems");
        for (FlowProblem p : e.problems()) assertEquals(file, p.file(), () -> "problem without the file: " + p);
        return e.problems();
    }

    static List<FlowProblem> intakeProblems(String text) {
        return problems("intake.yaml", text);
    }

    static void assertProblem(List<FlowProblem> problems, String node, String phrase) {
        if (problems.stream().noneMatch(p -> Objects.equals(node, p.node()) && p.message().contains(phrase))) {
            fail("no problem at [" + node + "] containing \"" + phrase + "\" in:\n" + String.join("\n",
                    problems.stream().map(FlowProblem::toString).toList()));
        }
    }

    // --- the shipped flow ------------------------------------------------------------------------

    @Test
    void the_real_intake_flow_loads_with_no_problems() {
        Flow flow = LOADER.load("intake.yaml", INTAKE);
        assertEquals(List.of(), new FlowValidator(Vocabulary.INTAKE).validate(flow));
        assertEquals("contact_route", flow.start());
        assertEquals("intake.yaml", flow.file());
    }

    @Test
    void the_tiny_flow_these_tests_break_is_itself_valid() {
        Flow flow = LOADER.load("tiny.yaml", TINY);
        assertEquals(List.of(), new FlowValidator(Vocabulary.INTAKE).validate(flow));
    }

    @Test
    void option_labels_written_yes_and_no_stay_words_and_do_not_become_true_and_false() {
        Flow flow = LOADER.load("intake.yaml", INTAKE);
        assertEquals("No", flow.questions().get("staff_conduct").option("no").label());
        assertEquals("Yes", flow.questions().get("effective_date_challenge").option("yes").label());
        assertEquals("No", flow.questions().get("effective_date_challenge").option("no").label());
    }

    @Test
    void a_yes_no_question_with_no_before_yes_is_refused_so_key_1_is_always_yes() {
        String sla = "'yes': Yes\n      'no': No\n    sources:\n      - {file: a.txt, heading: A}\n    next:\n      - when: {sla_process: 'yes'}";
        List<FlowProblem> p = problems("tiny.yaml", with(TINY, sla, sla.replace("'yes': Yes\n      'no': No", "'no': No\n      'yes': Yes")));
        assertProblem(p, "sla_process", "'No' answer must be the second option");
        assertProblem(p, "sla_process", "'Yes' answer must be the first option");
    }

    @Test
    void in_the_shipped_flow_every_question_with_a_no_answer_has_it_on_key_2_and_yes_on_key_1() {
        Flow flow = LOADER.load("intake.yaml", INTAKE);
        int checked = 0;
        for (Question q : flow.questions().values()) {
            List<Option> o = q.options();
            boolean hasNo = o.stream().anyMatch(FlowValidator::isNo);
            if (!hasNo) continue;
            checked++;
            assertTrue(FlowValidator.isNo(o.get(1)), q.id() + ": key 2 is " + o.get(1).label());
            if (o.stream().anyMatch(FlowValidator::isYes)) assertTrue(FlowValidator.isYes(o.get(0)), q.id() + ": key 1 is " + o.get(0).label());
        }
        assertTrue(checked >= 7, "yes/no questions checked: " + checked);
    }

    // --- structure -------------------------------------------------------------------------------

    @Test
    void a_next_that_names_no_node_is_reported_at_its_question() {
        List<FlowProblem> p = intakeProblems(intakeWith("    next: challenges_decision\n", "    next: challenge_decision\n"));
        assertProblem(p, "case_closed_on", "next names no node: challenge_decision");

        p = intakeProblems(intakeWith("        goto: refer_sla_team\n", "        goto: refer_sla_teem\n"));
        assertProblem(p, "sla_process", "next names no node: refer_sla_teem");
    }

    @Test
    void a_start_that_names_no_node_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("start: contact_route\n", "start: contact_routes\n"));
        assertProblem(p, null, "start names no node: contact_routes");
    }

    @Test
    void a_question_no_path_reaches_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("""
                      - when: {caller: mp_mla}
                        goto: mp_purpose
                """, ""));
        assertProblem(p, "mp_purpose", "no path from start reaches this question");
    }

    @Test
    void an_outcome_no_path_reaches_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("""
                      - when: {resolvable_now: 'yes'}
                        goto: record_dissatisfaction
                """, ""));
        assertProblem(p, "record_dissatisfaction", "no path from start reaches this outcome");
    }

    @Test
    void a_question_whose_branches_have_no_fallback_is_reported_because_a_path_could_end_without_an_outcome() {
        List<FlowProblem> p = intakeProblems(intakeWith("      - goto: raise_complaint\n", ""));
        assertProblem(p, "resolvable_now", "the last branch must have no condition");

        // a fallback that is not last leaves the branches after it dead and still no fallback at the end
        p = problems("tiny.yaml", with(TINY, """
                      - when: {sla_process: 'yes'}
                        goto: refer_sla_team
                      - goto: refer_third_party_team
                """, """
                      - goto: refer_third_party_team
                      - when: {sla_process: 'yes'}
                        goto: refer_sla_team
                """));
        assertProblem(p, "sla_process", "the last branch must have no condition");
    }

    @Test
    void a_question_with_no_next_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("    next: region\n", ""));
        assertProblem(p, "contact_route", "has no next");
    }

    @Test
    void two_questions_pointing_at_each_other_are_reported_as_a_cycle() {
        List<FlowProblem> p = problems("tiny.yaml", with(TINY, "      - goto: refer_third_party_team\n", "      - goto: staff_conduct\n"));
        FlowProblem cycle = p.stream().filter(x -> x.message().contains("cycle")).findFirst()
                .orElseGet(() -> fail("no cycle reported: " + p));
        assertTrue(Set.of("staff_conduct", "sla_process").contains(cycle.node()), cycle.toString());
        assertTrue(cycle.message().contains("staff_conduct -> sla_process")
                || cycle.message().contains("sla_process -> staff_conduct"), cycle.toString());
    }

    @Test
    void a_question_leading_to_itself_is_reported_as_a_cycle() {
        List<FlowProblem> p = problems("tiny.yaml", with(TINY, "      - goto: refer_third_party_team\n", "      - goto: sla_process\n"));
        assertProblem(p, "sla_process", "cycle: sla_process -> sla_process");
    }

    @Test
    void a_question_and_an_outcome_without_sources_are_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("""
                    sources:
                      - {file: 000_8e5d05a8eeed3fc3.txt, heading: Third party complaint, step: 3}
                    next:
                """, "    next:\n"));
        assertProblem(p, "deo_payment", "has no sources");

        p = intakeProblems(intakeWith("""
                    sources:
                      - {file: 001_21bd69183501bf20.txt, heading: Complaints Overview, quote: "they may be required to attend court"}
                """, ""));
        assertProblem(p, "dispute_resolution", "has no sources");
    }

    @Test
    void a_flag_without_sources_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("""
                    when: {region: ni}
                    sources:
                      - {file: 003_1c7ef1f00196df8c.txt, heading: NI OMBUDSMAN}
                      - {file: 002_29dc4c45286f13bd.txt, heading: CMG to be CMED in NI}
                """, "    when: {region: ni}\n"));
        assertProblem(p, "flags.ni_terms", "has no sources");
    }

    @Test
    void every_flag_of_the_real_flow_has_a_title_and_no_title_may_name_an_internal_contact() {
        LOADER.load("intake.yaml", INTAKE).flags().forEach(f -> assertTrue(f.title() != null && !f.title().isBlank(), f.id()));
        // Without one, lists show the flag's id in words: accepted, as a flow written before titles is.
        LOADER.load("intake.yaml", intakeWith("    title: Northern Ireland terms\n", ""));

        List<FlowProblem> p = intakeProblems(intakeWith("title: \"{Options} referral\"", "title: \"{OptionsMailbox} referral\""));
        assertProblem(p, "flags.cm_options_referral", "{OptionsMailbox} is internal-only");
    }

    // --- document names --------------------------------------------------------------------------

    @Test
    void every_source_of_the_real_flow_carries_its_documents_name_not_its_file_name() {
        Flow flow = LOADER.load("intake.yaml", INTAKE);
        assertEquals("Complaints overview (001)", flow.documents().get("001_21bd69183501bf20.txt"));
        List<Source> all = new java.util.ArrayList<>();
        flow.questions().values().forEach(q -> all.addAll(q.sources()));
        flow.outcomes().values().forEach(o -> all.addAll(o.sources()));
        flow.flags().forEach(f -> all.addAll(f.sources()));
        for (Source s : all) {
            assertTrue(s.named(), "no name for " + s.file());
            assertEquals(flow.documents().get(s.file()), s.name());
            assertTrue(!s.name().contains(".txt"), "a name, not a file name: " + s.name());
        }
    }

    @Test
    void a_cited_file_the_flow_does_not_name_is_refused_at_every_node_citing_it() {
        List<FlowProblem> p = intakeProblems(intakeWith("  004_16757d1d23be448a.txt: Child Maintenance Options complaints leaflet (004)\n", ""));
        assertProblem(p, "signpost_cm_options", "cites 004_16757d1d23be448a.txt, which documents does not name");
        assertEquals(1, p.size(), p.toString());
    }

    @Test
    void documents_must_be_a_mapping_of_names_in_plain_words() {
        assertProblem(problems("tiny.yaml", with(TINY, "  a.txt: Document A\n", "  a.txt: ''\n")), "documents", "the name of a.txt must be words");
        assertProblem(problems("tiny.yaml", with(TINY, "documents:\n  a.txt: Document A\n", "documents: [a.txt]\n")), "documents",
                "documents must map each procedure file name");
        assertProblem(problems("tiny.yaml", with(TINY, "  a.txt: Document A\n", "  a.txt: The {CMG} guide\n")), "documents",
                "terms in braces are not filled in here");
    }

    @Test
    void a_stored_version_that_named_no_documents_loads_and_borrows_the_names_given() {
        String old = with(INTAKE, INTAKE.substring(INTAKE.indexOf("documents:\n"), INTAKE.indexOf("questions:\n")), "");
        Flow bare = LOADER.loadStored("intake@old", old);
        assertEquals("000_8e5d05a8eeed3fc3.txt", bare.questions().get("contact_route").sources().get(0).name(), "the file name stands in");
        Flow named = LOADER.loadStored("intake@old", old, LOADER.load("intake.yaml", INTAKE).documents());
        assertEquals("Third-party complaints (000)", named.questions().get("contact_route").sources().get(0).name());
        LOADER.load("intake.yaml", old); // a flow that names no documents shows file names, and is sound
    }

    @Test
    void a_source_kept_before_flows_named_their_documents_reads_back_by_file_name_and_takes_the_flows_name() throws Exception {
        Source kept = callguide.config.Json.mapper().readValue(
                "{\"file\":\"002_29dc4c45286f13bd.txt\",\"heading\":\"BAU Receive complaint\",\"step\":11,\"quote\":null}", Source.class);
        assertEquals("002_29dc4c45286f13bd.txt", kept.name());
        assertTrue(!kept.named());
        Source named = LOADER.load("intake.yaml", INTAKE).named(kept);
        assertEquals("Complaint resolution process (002)", named.name());
        assertEquals(new Source("002_29dc4c45286f13bd.txt", "BAU Receive complaint", 11, null, "Complaint resolution process (002)"), named);
    }

    // --- vocabulary ------------------------------------------------------------------------------

    @Test
    void a_question_whose_fact_is_not_in_the_vocabulary_is_reported() {
        List<FlowProblem> p = intakeProblems(INTAKE.replace("deo_payment", "deduction_payment"));
        assertProblem(p, "deduction_payment", "'deduction_payment' is not a fact in the vocabulary");
        assertProblem(p, "deduction_payment", "condition on 'deduction_payment', which is not a choice fact");
    }

    @Test
    void a_condition_on_a_fact_not_in_the_vocabulary_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("{caller: employer}", "{employer: 'yes'}"));
        assertProblem(p, "staff_conduct", "condition on 'employer', which is not a choice fact");

        p = intakeProblems(intakeWith("{decision_date: {on_or_after: 2013-10-28}}", "{challenges_decision: {on_or_after: 2013-10-28}}"));
        assertProblem(p, "decision_date", "date test on 'challenges_decision', which is not a date fact");
    }

    @Test
    void an_option_not_in_the_vocabulary_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("      partly: Partly about", "      some: Partly about"));
        assertProblem(p, "about_cm_options", "must be exactly the vocabulary's");
    }

    @Test
    void a_missing_option_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith(
                "      consolatory_payment_only: It is resolved, but the client wants a consolatory payment\n", ""));
        assertProblem(p, "resolvable_now", "must be exactly the vocabulary's");
    }

    @Test
    void an_outcome_code_not_in_the_vocabulary_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("    code: REFER_REVIEW_TEAM\n", "    code: REFER_REVIEWERS\n"));
        assertProblem(p, "refer_review_team", "'REFER_REVIEWERS' is not an outcome code in the vocabulary");
    }

    @Test
    void a_flag_testing_an_outcome_code_not_in_the_vocabulary_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("REFER_REVIEW_TEAM, SIGNPOST_ICE]", "REFER_REVIEW_TEAM, SIGNPOST_ICEE]"));
        assertProblem(p, "flags.continue_payments", "'SIGNPOST_ICEE' is not an outcome code in the vocabulary");
    }

    @Test
    void a_flag_not_in_the_vocabulary_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("  ni_terms:\n", "  northern_ireland:\n"));
        assertProblem(p, "flags.northern_ireland", "'northern_ireland' is not a flag in the vocabulary");
    }

    @Test
    void a_condition_testing_an_unknown_option_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("{caller: ice}", "{caller: [ices]}"));
        assertProblem(p, "staff_conduct", "'ices' is not an option of caller");

        p = intakeProblems(intakeWith("{about_cm_options: partly}", "{about_cm_options: partially}"));
        assertProblem(p, "flags.cm_options_referral", "'partially' is not an option of about_cm_options");
    }

    // --- YAML booleans and other silent misreadings ----------------------------------------------

    @Test
    void an_unquoted_yes_or_no_in_a_when_means_the_option_not_a_boolean() {
        Flow flow = LOADER.load("intake.yaml", intakeWith("{staff_conduct: 'yes'}", "{staff_conduct: yes}"));
        Position p = FlowEngine.walk(flow, Map.of("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "yes"), LocalDate.parse("2026-11-27"));
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", p.outcome().code());
        assertEquals("No", flow.questions().get("staff_conduct").option("no").label());
    }

    @Test
    void an_empty_test_that_is_not_true_or_false_is_reported_not_read_as_not_empty() {
        List<FlowProblem> p = intakeProblems(intakeWith("{empty: true}", "{empty: 'yes'}"));
        assertProblem(p, "flags.continue_payments", "empty on case_closed_on takes true or false");

        Flow flow = LOADER.load("intake.yaml", intakeWith("{empty: true}", "{empty: true}"));
        Position open = FlowEngine.walk(flow, FlowEngineTest.client(Map.of("existing_complaint", "none", "mp_raised", "no",
                "resolvable_now", "no")), LocalDate.parse("2026-11-27"));
        assertTrue(open.flags().contains("continue_payments"), open.flags().toString());
    }

    @Test
    void a_month_count_that_is_not_a_whole_number_is_reported() {
        List<FlowProblem> p = intakeProblems(intakeWith("{more_than_months_ago: 14}", "{more_than_months_ago: fourteen}"));
        assertProblem(p, "resolvable_now", "more_than_months_ago on case_closed_on takes a whole number of months");
    }

    @Test
    void a_repeated_key_is_reported_rather_than_silently_replacing_the_first() {
        List<FlowProblem> p = intakeProblems(intakeWith("{caller: ice}", "{caller: ice, caller: phso}"));
        assertTrue(p.get(0).message().contains("Duplicate field 'caller'"), p.toString());

        p = intakeProblems(intakeWith("\nflags:\n", """

                  dispute_resolution:
                    code: OUT_OF_TIME
                    title: A second node with the same id
                    sources:
                      - {file: a.txt, heading: A}

                flags:
                """));
        assertTrue(p.get(0).message().contains("Duplicate field 'dispute_resolution'"), p.toString());
    }

    // --- terms in braces -------------------------------------------------------------------------

    @Test
    void an_internal_contact_in_what_the_client_hears_is_rejected() {
        List<FlowProblem> p = intakeProblems(intakeWith("them\n      on {OptionsPhone}", "them\n      on {OptionsMailbox}"));
        assertProblem(p, "signpost_cm_options", "{OptionsMailbox} is internal-only");

        p = intakeProblems(intakeWith("""
                    say: >
                      Thank you. I'll make sure this reaches the people who deal with your investigation.
                """, """
                    say: >
                      Thank you. I'm passing this to our team at {IceTeamMailbox}.
                """));
        assertProblem(p, "refer_ice_team", "{IceTeamMailbox} is internal-only");
    }

    @Test
    void an_internal_contact_in_an_action_or_question_is_rejected() {
        List<FlowProblem> p = intakeProblems(intakeWith("Email the {Options} internal mailbox with", "Email {OptionsMailbox} with"));
        assertProblem(p, "flags.cm_options_referral", "{OptionsMailbox} is internal-only");

        p = intakeProblems(intakeWith("ask your team leader if you are unsure.", "ask the team at {IceTeamMailbox}."));
        assertProblem(p, "refer_ice_team", "{IceTeamMailbox} is internal-only");

        p = intakeProblems(intakeWith("      partly: Partly about {Options}, partly about us",
                "      partly: Partly about {Options} ({OptionsMailbox}), partly about us"));
        assertProblem(p, "about_cm_options", "{OptionsMailbox} is internal-only");
    }

    @Test
    void an_internal_contact_is_allowed_in_internal_text() {
        Flow flow = LOADER.load("intake.yaml", intakeWith("      - Details of each service level agreement are on the intranet.\n",
                "      - Details of each service level agreement are on the intranet; copy {OptionsMailbox} if {Options} is involved.\n"));
        assertTrue(flow.outcomes().get("refer_sla_team").internal().get(0).contains("{OptionsMailbox}"));
        Outcomes.FlagRule ice = flow.flags().stream().filter(f -> f.id().equals("notify_ice_on_closure")).findFirst().orElseThrow();
        assertTrue(ice.internal().get(0).contains("{IceTeamMailbox}"));
        Outcomes.FlagRule cm = flow.flags().stream().filter(f -> f.id().equals("cm_options_referral")).findFirst().orElseThrow();
        assertTrue(cm.internal().get(0).contains("{OptionsMailbox}"));
    }

    @Test
    void an_unknown_term_in_braces_is_reported_wherever_it_is() {
        String text = intakeWith("A wrong effective date can come from", "A wrong {Foo} can come from");
        text = with(text, "title: Explain the 14-month limit on raising a complaint", "title: Explain the {Foo} limit");
        text = with(text, "Details of each service level agreement are on the intranet.", "Details are on {Foo}.");
        text = with(text, "remind them to keep up their payments", "remind them to keep up their payments {Foo}");
        List<FlowProblem> p = intakeProblems(text);
        assertProblem(p, "effective_date_challenge", "unknown term {Foo}");
        assertProblem(p, "out_of_time", "unknown term {Foo}");
        assertProblem(p, "refer_sla_team", "unknown term {Foo}");
        assertProblem(p, "flags.continue_payments", "unknown term {Foo}");
    }

    // --- not a flow at all -----------------------------------------------------------------------

    @Test
    void malformed_yaml_is_reported_with_the_file() {
        List<FlowProblem> p = intakeProblems(intakeWith("    next: region\n", "    next: [region\n"));
        assertEquals(1, p.size(), p.toString());
        assertProblem(p, null, "not valid YAML");

        p = problems("list.yaml", "- a list\n- not a mapping\n");
        assertProblem(p, null, "a flow file must be a YAML mapping");
    }

    @Test
    void an_address_typed_into_client_facing_text_or_terms_where_none_are_filled_are_refused() {
        List<FlowProblem> p = intakeProblems(intakeWith("I'm glad we've sorted this out.", "Write to someone@dwp.gov.uk."));
        assertTrue(p.stream().anyMatch(x -> x.message().contains("email address")), p.toString());
        p = intakeProblems(intakeWith("{code: CMEL9271, when:", "{code: CMEL9271, title: \"Letter from {CMG}\", when:"));
        assertTrue(p.stream().anyMatch(x -> x.message().contains("not filled in here")), p.toString());
        p = intakeProblems(intakeWith("empty_label: The case is still open", "empty_label: Open, ask {OptionsMailbox}"));
        assertTrue(p.stream().anyMatch(x -> x.node().equals("case_closed_on") && x.message().contains("not filled in here")), p.toString());
    }

    @Test
    void a_flow_written_for_vocabulary_version_1_still_loads_so_calls_pinned_to_it_still_open() {
        Flow previous = LOADER.loadStored("intake@v1", TestFlows.resource("/flows-previous/intake-vocabulary-1.yaml"));
        Position p = FlowEngine.walk(previous, Map.of("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "yes"), LocalDate.parse("2026-11-27"));
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", p.outcome().code());
    }
}
