package callguide.flow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every path of the intake flow, in Great Britain and in Northern Ireland, renders every string
 * a handler reads out or sends (titles, actions, what to say, deadlines, letters, questions) and checks
 * the wording rules the procedures set.
 */
class ClientFacingTextTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    static final Flow FLOW = TestFlows.intake();
    static final Renderer RENDERER = new Renderer(TestFlows.CONTACTS);

    /** Date answers that reach every date branch: open, recently closed, long closed; decisions either side of 28 October 2013. */
    static final Map<String, List<String>> DATES = Map.of(
            "case_closed_on", List.of("", "2026-06-30", "2020-01-01"),
            "decision_date", List.of("2012-06-01", "2019-05-01"));

    static final Pattern BARE_PARLIAMENT = Pattern.compile("\\bParliament\\b(?!\\s+(?:or|and)\\s+(?:Members? of (?:the )?Legislative Assembly|MLAs?))",
            Pattern.CASE_INSENSITIVE);
    static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    static final Pattern CRT_WORKING_DAYS = Pattern.compile("\\b(2|two|15|fifteen)\\s+working\\s+days", Pattern.CASE_INSENSITIVE);
    static final Pattern KEEP_PAYING = Pattern.compile("keep (paying|making (your )?(child maintenance )?payments|up (your|their) payments)|continue (to pay|making payments)",
            Pattern.CASE_INSENSITIVE);

    record Reached(String region, Map<String, String> answers, Position position) {}

    /** Every finished path from the start, trying every option and each kind of date. */
    static List<Reached> walkAll(String region) {
        List<Reached> out = new ArrayList<>();
        walk(region, new LinkedHashMap<>(Map.of("region", region)), out);
        return out;
    }

    private static void walk(String region, Map<String, String> answers, List<Reached> out) {
        Position p = FlowEngine.walk(FLOW, answers, TODAY);
        if (p.finished()) {
            out.add(new Reached(region, Map.copyOf(answers), p));
            return;
        }
        Question q = p.question();
        List<String> values = q.kind() == Question.Kind.date ? DATES.get(q.id()) : q.options().stream().map(Option::id).toList();
        for (String v : values) {
            Map<String, String> next = new LinkedHashMap<>(answers);
            next.put(q.id(), v);
            walk(region, next, out);
        }
    }

    /** What a handler reads out or sends, with the question on the path that led there; never the internal lines. */
    static Map<String, String> clientFacing(Reached r) {
        Outcome o = RENDERER.outcome(FLOW, r.position(), rule -> TODAY.plusDays(rule.days()));
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", o.title());
        for (int i = 0; i < o.actions().size(); i++) texts.put("action " + (i + 1), o.actions().get(i));
        texts.put("say", o.say());
        o.deadlines().forEach(d -> texts.put("deadline " + d.name(), d.name()));
        o.letters().forEach(l -> texts.put("letter " + l.code(), l.code() + " " + (l.title() == null ? "" : l.title()) + " " + l.when()));
        Map<String, String> before = new LinkedHashMap<>();
        for (String id : r.position().path()) {
            Step s = RENDERER.step(FLOW.questions().get(id), before);
            texts.put("question " + id, s.prompt() + " " + (s.help() == null ? "" : s.help()) + " "
                    + String.join(" ", s.options().stream().map(Option::label).toList()));
            before.put(id, r.position().answersInForce().get(id));
        }
        return texts;
    }

    /** Ids a client must never see: facts, option ids with an underscore, outcome codes and flags. */
    static Set<String> internalIds() {
        Set<String> ids = new HashSet<>(Vocabulary.INTAKE.outcomeCodes());
        ids.addAll(Vocabulary.INTAKE.flags());
        ids.addAll(Vocabulary.INTAKE.choiceFacts().keySet());
        ids.addAll(Vocabulary.INTAKE.dateFacts());
        Vocabulary.INTAKE.choiceFacts().values().forEach(options -> options.stream().filter(o -> o.contains("_")).forEach(ids::add));
        return ids;
    }

    @Test
    void every_outcome_in_both_regions_is_reached_and_worded_by_the_rules() {
        Pattern internalIds = Pattern.compile("\\b(" + String.join("|", internalIds().stream()
                .filter(id -> id.contains("_") || id.equals(id.toUpperCase())).map(Pattern::quote).toList()) + ")\\b");
        List<String> wrong = new ArrayList<>();
        Set<String> reached = new TreeSet<>();
        for (String region : List.of("gb", "ni")) {
            List<Reached> all = walkAll(region);
            Set<String> codes = new HashSet<>();
            for (Reached r : all) {
                codes.add(r.position().outcome().code());
                reached.add(r.position().outcome().id());
                String where = region + " " + r.position().outcome().id() + " " + r.answers();
                clientFacing(r).forEach((part, text) -> {
                    if (text == null) return;
                    if (region.equals("ni") && BARE_PARLIAMENT.matcher(text).find()) wrong.add(where + " [" + part + "] names Parliament without MLA: " + text);
                    if (EMAIL.matcher(text).find()) wrong.add(where + " [" + part + "] has an email address: " + text);
                    for (String internal : List.of(TestFlows.CONTACTS.optionsMailbox(), TestFlows.CONTACTS.iceTeamMailbox())) {
                        if (text.contains(internal)) wrong.add(where + " [" + part + "] has an internal mailbox: " + text);
                    }
                    if (text.contains("{") || text.contains("}")) wrong.add(where + " [" + part + "] has an unfilled term: " + text);
                    Matcher id = internalIds.matcher(text);
                    if (id.find()) wrong.add(where + " [" + part + "] shows the internal id " + id.group() + ": " + text);
                    for (String sentence : text.split("(?<=[.;])\\s+")) {
                        // Only Options' own process (004) counts working days; the CRT's two and 15 days are days.
                        if (CRT_WORKING_DAYS.matcher(sentence).find() && !sentence.contains(TestFlows.CONTACTS.options())) {
                            wrong.add(where + " [" + part + "] counts working days where the procedures say days: " + sentence);
                        }
                        if (KEEP_PAYING.matcher(sentence).find() && !sentence.toLowerCase().contains("if you pay") && !part.startsWith("action")) {
                            wrong.add(where + " [" + part + "] tells someone to keep paying without 'if you pay': " + sentence);
                        }
                    }
                });
            }
            assertEquals(Vocabulary.INTAKE.outcomeCodes(), codes, region + ": every outcome code is reached");
        }
        assertEquals(new TreeSet<>(FLOW.outcomes().keySet()), reached, "every outcome in the flow is reached");
        assertEquals(List.of(), wrong.stream().distinct().limit(40).toList());
    }

    @Test
    void the_checks_catch_what_they_are_for() {
        assertTrue(BARE_PARLIAMENT.matcher("all contact from Members of Parliament").find());
        assertTrue(!BARE_PARLIAMENT.matcher("all contact from Members of Parliament and Members of the Legislative Assembly").find());
        assertTrue(!BARE_PARLIAMENT.matcher("parliamentary contact").find());
        assertTrue(CRT_WORKING_DAYS.matcher("They will contact you within two working days").find());
        assertTrue(KEEP_PAYING.matcher("Please keep making your child maintenance payments").find());
        assertTrue(EMAIL.matcher("write to ice.internal@example.gov.uk").find());
    }

    @Test
    void a_receiving_parent_is_never_told_to_pay_and_the_reminder_is_only_where_a_complaint_goes_on() {
        for (Reached r : walkAll("gb")) {
            Outcome o = RENDERER.outcome(FLOW, r.position(), rule -> TODAY);
            boolean reminder = KEEP_PAYING.matcher(o.say()).find();
            assertEquals(o.flags().contains("continue_payments"), reminder, r.position().outcome().id() + " " + r.answers());
        }
    }

    @Test
    void a_written_contact_path_mentions_the_online_portal_and_ni_text_names_mlas() {
        Step route = RENDERER.step(FLOW.questions().get("contact_route"), Map.of());
        assertTrue(route.options().stream().anyMatch(o -> o.id().equals("written") && o.label().contains("online portal")), route.options().toString());
        Outcome ni = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, Map.of("contact_route", "mp_hotline", "region", "ni",
                "caller", "mp_mla", "staff_conduct", "no", "mp_purpose", "complaint"), TODAY), r -> TODAY);
        assertTrue(ni.say().contains("MPs and MLAs"), ni.say());
    }

    @Test
    void the_phso_team_is_named_as_the_procedures_name_it_in_each_region() {
        for (String region : List.of("gb", "ni")) {
            Outcome o = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, Map.of("contact_route", "written", "region", region,
                    "caller", "phso", "staff_conduct", "no"), TODAY), r -> TODAY);
            assertEquals("REFER_PHSO_TEAM", o.code());
            String team = region.equals("gb") ? "internal PHSO team" : "internal Northern Ireland Ombudsman team";
            assertTrue(o.title().contains(team) && o.actions().get(0).contains(team), region + ": " + o.title() + " / " + o.actions());
        }
    }

    @Test
    void options_is_said_to_have_its_own_two_stage_process() {
        Outcome o = RENDERER.outcome(FLOW, FlowEngine.walk(FLOW, Map.of("contact_route", "inbound_call", "region", "gb",
                "caller", "client", "staff_conduct", "no", "about_cm_options", "only"), TODAY), r -> TODAY);
        assertEquals("SIGNPOST_CM_OPTIONS", o.code());
        assertTrue(o.say().contains("own two-stage complaints process"), o.say());
    }
}
