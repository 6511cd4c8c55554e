package callguide.flow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Puts a flow's words into the call's terms: the region's names and the configured contacts. */
public final class Renderer {
    private final Terms.Contacts contacts;
    /** The contacts are fixed for the renderer's life, so each region's terms are made once, not on every step. */
    private final Terms greatBritain;
    private final Terms northernIreland;

    public Renderer(Terms.Contacts contacts) {
        this.contacts = contacts;
        this.greatBritain = Terms.of(false, contacts);
        this.northernIreland = Terms.of(true, contacts);
    }

    /** Internal only: for staff pages (the CRT's step-47 notice), never for text a client hears or receives. */
    public String iceTeamMailbox() {
        return contacts.iceTeamMailbox();
    }

    /** For lists of calls from both regions: "MP or MLA", "CMG or CMED". */
    public Terms bothRegions() {
        return Terms.bothRegions(contacts);
    }

    public Terms terms(Map<String, String> answers) {
        return IntakeRules.northernIreland(answers) ? northernIreland : greatBritain;
    }

    public Step step(Question q, Map<String, String> answers) {
        Terms t = terms(answers);
        List<Option> options = q.options().stream().map(o -> new Option(o.id(), t.say(o.label()))).toList();
        return new Step(q.id(), q.kind().name(), t.say(q.prompt()), t.say(q.help()), options, q.optional(),
                q.emptyLabel(), q.sources());
    }

    public Outcome outcome(Flow flow, Position position, Outcome.DueDates dueDates) {
        Terms t = terms(position.answersInForce());
        Outcomes.Node node = position.outcome();
        List<String> actions = new ArrayList<>(node.actions());
        List<String> say = new ArrayList<>();
        if (node.say() != null) say.add(node.say());
        List<String> internal = new ArrayList<>(node.internal());
        LinkedHashSet<Source> sources = new LinkedHashSet<>(node.sources());
        for (Outcomes.FlagRule flag : flow.flags()) {
            if (!position.flags().contains(flag.id())) continue;
            actions.addAll(flag.actions());
            if (flag.say() != null) say.add(flag.say());
            internal.addAll(flag.internal());
            sources.addAll(flag.sources());
        }
        List<Outcome.Deadline> deadlines = node.deadlines().stream()
                .map(d -> {
                    LocalDate due = dueDates.due(d);
                    return new Outcome.Deadline(t.say(d.name()), due, dueDates.approximate(d, due));
                }).toList();
        return new Outcome(node.code(), t.say(node.title()), actions.stream().map(t::say).toList(),
                t.say(String.join(" ", say)), internal.stream().map(t::internal).toList(), node.serviceRequest(),
                node.letters(), deadlines, position.flags(), List.copyOf(sources));
    }
}
