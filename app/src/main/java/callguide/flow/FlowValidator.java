package callguide.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Checks a flow before it may be used: every next names a node, every node is reachable, every path
 * ends in an outcome without looping, every id is in the vocabulary, every node cites a source whose
 * document the flow names, and internal contacts appear only in internal text.
 */
public final class FlowValidator {
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final java.util.regex.Pattern YES = java.util.regex.Pattern.compile("(?i)^yes\\b.*");
    private static final java.util.regex.Pattern NO = java.util.regex.Pattern.compile("(?i)^no\\b.*");
    private final Vocabulary vocabulary;
    private final boolean inService;

    /** A yes answer: its id is 'yes', or its words start with "Yes". */
    static boolean isYes(Option o) {
        return o.id().equals("yes") || YES.matcher(o.label().strip()).matches();
    }

    /** A no answer: its id is 'no', or its words start with "No" (as in "No, this is new"). */
    static boolean isNo(Option o) {
        return o.id().equals("no") || NO.matcher(o.label().strip()).matches();
    }

    public FlowValidator(Vocabulary vocabulary) {
        this(vocabulary, true);
    }

    /**
     * {@code inService} false: a version kept for the calls pinned to it, checked for soundness but not for how
     * its pages are laid out today (an older version may list No before Yes).
     */
    public FlowValidator(Vocabulary vocabulary, boolean inService) {
        this.inService = inService;
        this.vocabulary = vocabulary;
    }

    public List<FlowProblem> validate(Flow flow) {
        Check c = new Check(flow);
        if (!flow.has(flow.start())) c.add(null, "start names no node: " + flow.start());
        flow.questions().values().forEach(c::question);
        flow.outcomes().values().forEach(c::outcome);
        flow.flags().forEach(c::flag);
        flow.documents().values().forEach(name -> c.literal("documents", name));
        c.reachability();
        c.cycles();
        return c.problems;
    }

    private final class Check {
        final Flow flow;
        final List<FlowProblem> problems = new ArrayList<>();

        Check(Flow flow) {
            this.flow = flow;
        }

        void add(String node, String message) {
            problems.add(new FlowProblem(flow.file(), node, message));
        }

        void question(Question q) {
            String id = q.id();
            if (!vocabulary.isFact(id)) {
                add(id, "'" + id + "' is not a fact in the vocabulary");
            } else if (q.kind() == Question.Kind.date != vocabulary.dateFacts().contains(id)) {
                add(id, "'" + id + "' must be a " + (vocabulary.dateFacts().contains(id) ? "date" : "choice") + " question");
            } else if (q.kind() == Question.Kind.choice) {
                Set<String> given = new HashSet<>();
                q.options().forEach(o -> given.add(o.id()));
                if (!given.equals(Set.copyOf(vocabulary.choiceFacts().get(id)))) {
                    add(id, "options " + given + " must be exactly the vocabulary's " + vocabulary.choiceFacts().get(id));
                }
            }
            if (q.sources().isEmpty()) add(id, "has no sources");
            if (q.next().branches().isEmpty()) add(id, "has no next");
            if (!q.next().branches().isEmpty() && !q.next().branches().get(q.next().branches().size() - 1).isFallback()) {
                add(id, "the last branch must have no condition, so every answer leads somewhere");
            }
            for (Next.Branch b : q.next().branches()) {
                if (b.target() != null && !flow.has(b.target())) add(id, "next names no node: " + b.target());
                if (b.when() != null) condition(id, b.when(), false);
            }
            handlerText(id, q.prompt(), q.help());
            cited(id, q.sources());
            literal(id, q.emptyLabel());
            q.options().forEach(o -> handlerText(id, o.label()));
            if (inService) yesThenNo(q);
        }

        /** Keys mean the same on every page: where a question offers yes and no, 1 is yes and 2 is no. */
        void yesThenNo(Question q) {
            List<Option> options = q.options();
            int yes = -1, no = -1;
            for (int i = 0; i < options.size(); i++) {
                if (yes < 0 && isYes(options.get(i))) yes = i;
                if (no < 0 && isNo(options.get(i))) no = i;
            }
            if (no >= 0 && no != 1) add(q.id(), "the 'No' answer must be the second option (key 2), not option " + (no + 1));
            if (no >= 0 && yes >= 0 && !isYes(options.get(0))) add(q.id(), "a 'Yes' answer must be the first option (key 1)");
        }

        void outcome(Outcomes.Node o) {
            if (!vocabulary.outcomeCodes().contains(o.code())) add(o.id(), "'" + o.code() + "' is not an outcome code in the vocabulary");
            if (o.sources().isEmpty()) add(o.id(), "has no sources");
            cited(o.id(), o.sources());
            handlerText(o.id(), o.title(), o.say());
            o.actions().forEach(a -> handlerText(o.id(), a));
            o.deadlines().forEach(d -> handlerText(o.id(), d.name()));
            o.internal().forEach(t -> placeholders(o.id(), t, true));
            if (o.serviceRequest() != null) {
                var sr = o.serviceRequest();
                literal(o.id(), sr.name(), sr.process(), sr.area(), sr.subArea());
            }
            o.letters().forEach(l -> literal(o.id(), l.code(), l.title(), l.when()));
        }

        /** A handler reads each source by its document's name, so the flow must name every file it cites. */
        void cited(String node, List<Source> sources) {
            sources.forEach(src -> literal(node, src.quote()));
            // A flow that names its documents names every one it cites; one that names none shows file names.
            if (!inService || flow.documents().isEmpty()) return;
            sources.stream().map(Source::file).filter(f -> f != null && !flow.documents().containsKey(f)).distinct()
                    .forEach(f -> add(node, "cites " + f + ", which documents does not name"));
        }

        /** Text shown as written: no term is filled in here, so none may be used, and no address. */
        void literal(String node, String... texts) {
            for (String t : texts) {
                if (t == null) continue;
                if (Terms.PLACEHOLDER.matcher(t).find()) add(node, "terms in braces are not filled in here: " + t);
                if (EMAIL.matcher(t).find()) add(node, "an email address may appear only in internal text, as a configured term");
            }
        }

        void flag(Outcomes.FlagRule f) {
            String node = "flags." + f.id();
            if (!vocabulary.flags().contains(f.id())) add(node, "'" + f.id() + "' is not a flag in the vocabulary");
            if (f.sources().isEmpty()) add(node, "has no sources");
            cited(node, f.sources());
            if (f.when() != null) condition(node, f.when(), true);
            handlerText(node, f.title(), f.say());
            f.actions().forEach(a -> handlerText(node, a));
            f.internal().forEach(t -> placeholders(node, t, true));
        }

        void condition(String node, Condition c, boolean mayTestOutcome) {
            c.tests(new Condition.Tests() {
                public void oneOf(Condition.OneOf one) {
                    Check.this.oneOf(node, one, mayTestOutcome);
                }

                public void date(Condition.DateTest d) {
                    if (!vocabulary.dateFacts().contains(d.fact())) add(node, "date test on '" + d.fact() + "', which is not a date fact");
                    else if (!flow.questions().containsKey(d.fact())) add(node, "tests '" + d.fact() + "', which no question asks");
                }
            });
        }

        void oneOf(String node, Condition.OneOf one, boolean mayTestOutcome) {
            if (one.fact().equals("outcome") && mayTestOutcome) {
                one.values().stream().filter(v -> !vocabulary.outcomeCodes().contains(v))
                        .forEach(v -> add(node, "'" + v + "' is not an outcome code in the vocabulary"));
                return;
            }
            List<String> options = vocabulary.choiceFacts().get(one.fact());
            if (options == null) {
                add(node, "condition on '" + one.fact() + "', which is not a choice fact in the vocabulary");
                return;
            }
            if (!flow.questions().containsKey(one.fact())) add(node, "tests '" + one.fact() + "', which no question asks");
            one.values().stream().filter(v -> !options.contains(v))
                    .forEach(v -> add(node, "'" + v + "' is not an option of " + one.fact()));
            if (one.values().isEmpty()) add(node, "condition on '" + one.fact() + "' names no option");
        }

        /** Text that is not marked internal: it may name regional terms and public contacts only. */
        void handlerText(String node, String... texts) {
            for (String t : texts) placeholders(node, t, false);
        }

        void placeholders(String node, String text, boolean internal) {
            if (text == null) return;
            // Internal addresses come from configuration through {OptionsMailbox}/{IceTeamMailbox}, never typed in.
            if (!internal && EMAIL.matcher(text).find()) add(node, "an email address may appear only in internal text, as a configured term");
            Matcher m = Terms.PLACEHOLDER.matcher(text);
            while (m.find()) {
                String word = m.group(1);
                if (Terms.INTERNAL_CONTACTS.contains(word)) {
                    if (!internal) add(node, "{" + word + "} is internal-only and may appear only in internal text");
                } else if (!Terms.REGIONAL.contains(word) && !Terms.PUBLIC_CONTACTS.contains(word)) {
                    add(node, "unknown term {" + word + "}");
                }
            }
        }

        void reachability() {
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(flow.start()));
            while (!todo.isEmpty()) {
                String id = todo.remove(todo.size() - 1);
                if (!seen.add(id)) continue;
                Question q = flow.questions().get(id);
                if (q != null) q.next().branches().forEach(b -> { if (b.target() != null) todo.add(b.target()); });
            }
            flow.questions().keySet().stream().filter(id -> !seen.contains(id)).sorted()
                    .forEach(id -> add(id, "no path from start reaches this question"));
            flow.outcomes().keySet().stream().filter(id -> !seen.contains(id)).sorted()
                    .forEach(id -> add(id, "no path from start reaches this outcome"));
        }

        void cycles() {
            Map<String, Integer> state = new HashMap<>();
            for (String id : flow.questions().keySet()) visit(id, state, new ArrayList<>());
        }

        private void visit(String id, Map<String, Integer> state, List<String> trail) {
            Question q = flow.questions().get(id);
            if (q == null) return;
            Integer s = state.get(id);
            if (s != null && s == 2) return;
            if (s != null && s == 1) {
                add(id, "cycle: " + String.join(" -> ", trail.subList(trail.indexOf(id), trail.size())) + " -> " + id);
                return;
            }
            state.put(id, 1);
            trail.add(id);
            for (Next.Branch b : q.next().branches()) if (b.target() != null) visit(b.target(), state, trail);
            trail.remove(trail.size() - 1);
            state.put(id, 2);
        }
    }
}
