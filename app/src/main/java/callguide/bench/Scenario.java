package callguide.bench;

import callguide.call.FlowCatalog;
import callguide.config.Config;
import callguide.flow.Flow;
import callguide.flow.FlowEngine;
import callguide.flow.FlowLoader;
import callguide.flow.IntakeRules;
import callguide.flow.Position;
import callguide.flow.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guided call the bench drives: what the caller's situation is, as answers by fact. The order, and which questions
 * are asked at all, come from the flow itself, so the bench follows the flow in service rather than a copy of it.
 */
record Scenario(String name, Map<String, String> answers, String outcome) {

    /** A client's complaint that cannot be put right on the call: the longest common path, to a formal complaint. */
    static final Scenario CLIENT_COMPLAINT = new Scenario("a client's complaint that cannot be resolved now", Map.ofEntries(
            Map.entry(IntakeRules.CONTACT_ROUTE, IntakeRules.INBOUND_CALL), Map.entry(IntakeRules.REGION, IntakeRules.GB),
            Map.entry(IntakeRules.CALLER, "client"), Map.entry(IntakeRules.STAFF_CONDUCT, "no"), Map.entry("about_cm_options", "no"),
            Map.entry("case_closed_on", ""), Map.entry("challenges_decision", "no"), Map.entry("effective_date_challenge", "no"),
            Map.entry("existing_complaint", "none"), Map.entry("mp_raised", "no"), Map.entry("resolvable_now", "no")),
            IntakeRules.RAISE_COMPLAINT);

    /** One answer as the API takes it. */
    record Step(String question, String answer) {}

    /** The questions the flow asks on this scenario, in its order, each with the scenario's answer, up to the outcome. */
    List<Step> path(Flow flow, LocalDate today) {
        Map<String, String> given = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        Position at = FlowEngine.walk(flow, given, today);
        while (!at.finished()) {
            String question = at.question().id();
            String answer = answers.get(question);
            if (answer == null) throw new IllegalStateException("the scenario '" + name + "' has no answer for '" + question + "'");
            steps.add(new Step(question, answer));
            given.put(question, answer);
            at = FlowEngine.walk(flow, given, today);
        }
        if (!at.outcome().code().equals(outcome)) {
            throw new IllegalStateException("the scenario '" + name + "' reaches " + at.outcome().code() + ", not " + outcome);
        }
        return List.copyOf(steps);
    }

    /** The intake flow in service where the bench runs: FLOWS_DIR's, or the one in the jar. */
    static Flow intake(Config config) {
        return FlowCatalog.read(new FlowLoader(Vocabulary.INTAKE), config.flowsDir()).stream().map(FlowCatalog.Entry::flow)
                .filter(f -> f.id().equals(IntakeRules.FLOW)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + IntakeRules.FLOW + " flow in " + config.flowsDir()));
    }
}
