package callguide.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests the answer to a question from what the caller said. It never answers: below the threshold
 * it suggests nothing, and the handler decides either way.
 */
public final class Suggester {
    static final int MAX_SUGGESTIONS = 3;
    static final int MAX_EVIDENCE = 300;
    /** Spreads similarities into confidences; similarities of sentence embeddings differ by hundredths. */
    static final double TEMPERATURE = 0.04;

    /** How far a two-part complaint's answer, or an answer said in so many words, is put ahead of the best other. */
    static final double LIFT = 0.01;

    /** How far "both" is put below the best single answer when only one part is named. */
    static final double ONE_SIDED_DROP = 0.01;

    private final AnswerIndex index;
    private final double minScore;
    private final Cues cues;

    public Suggester(AnswerIndex index, double minScore) {
        this(index, minScore, Cues.bundled());
    }

    public Suggester(AnswerIndex index, double minScore, Cues cues) {
        this.index = index;
        this.minScore = minScore;
        this.cues = cues;
    }

    public boolean knows(String question) {
        return index.knows(question);
    }

    public List<String> questions() {
        return index.questions();
    }

    /** Suggestions best first; empty when nothing said is close enough to any answer. */
    public List<Suggestion> suggest(String question, String text) {
        return suggest(question, text, false);
    }

    /**
     * As {@link #suggest}, but when the best is close enough its runner-up comes too, however far behind: a handler
     * who is shown an unsure suggestion is shown the two closest answers to check with the caller.
     */
    public List<Suggestion> suggestWithRunnerUp(String question, String text) {
        return suggest(question, text, true);
    }

    private List<Suggestion> suggest(String question, String text, boolean runnerUp) {
        if (!index.knows(question)) throw new IllegalArgumentException("no suggestions for question '" + question + "'");
        Utterance u = Utterance.of(text);
        if (u.isEmpty()) return List.of();
        Reading reading = Reading.of(u, cues, question);
        List<String> said = reading.texts();
        List<String> segments = said.stream().map(t -> index.canonical(question, t)).toList();
        // A part all rewritten away is embedded as said (an empty text cannot be) and skipped below.
        List<String> embedded = new ArrayList<>(segments);
        for (int i = 0; i < embedded.size(); i++) if (!cues.saysAnything(embedded.get(i))) embedded.set(i, said.get(i));
        float[][] vectors = Vectors.embed(index.model(), embedded);
        Map<String, Best> best = new HashMap<>();
        Set<String> clauseWinners = new HashSet<>();
        int denials = reading.parts().size();
        for (int s = 0; s < reading.parts().size(); s++) {
            Reading.Part part = reading.parts().get(s);
            // A clause that is all rewritten away (say, only who the caller is) says nothing to this question.
            if (!cues.saysAnything(segments.get(s))) {
                if (part.denial()) denials++;
                continue;
            }
            List<AnswerIndex.Match> matches = part.clause() && cues.outright(question)
                    ? index.match(question, segments.get(s), vectors[s], this::saysOutright)
                    : index.match(question, segments.get(s), vectors[s]);
            if (part.denial() && cues.saysAnything(segments.get(denials))) {
                matches = denied(question, matches, index.match(question, segments.get(denials), vectors[denials], this::saysOutright));
            }
            if (part.denial()) denials++;
            matches = oneSided(question, segments.get(s), matches);
            String sentence = part.sentence() < 0 ? null : u.sentences().get(part.sentence());
            for (AnswerIndex.Match m : matches) best.computeIfAbsent(m.answer(), a -> new Best()).offer(m, sentence);
            if (part.clause()) clauseWinners.add(top(matches).answer());
        }
        Cues.Both both = cues.both(question);
        if (both != null && clauseWinners.stream().filter(both.when()::contains).count() >= 2 && cues.bothHeard(question, u.text())) {
            double top = best.values().stream().mapToDouble(b -> b.score).max().orElse(0);
            best.get(both.answer()).score = top + LIFT;
        }
        String outright = cues.saidOutright(question, u.text());
        if (outright != null && best.containsKey(outright)) {
            double top = best.values().stream().mapToDouble(b -> b.score).max().orElse(0);
            best.get(outright).score = Math.max(best.get(outright).score, top + LIFT);
        }
        return rank(best, runnerUp);
    }

    /** A suggestion from a run of transcript lines, with the index of the line its evidence comes from. */
    public record FromLine(Suggestion suggestion, int line) {}

    /** How much each older line counts against the one after it: the newest words decide. */
    static final double OLDER_WEIGHT = 0.35;

    /**
     * Suggestions from the caller's latest lines, oldest first: each line is read on its own and its
     * confidences are averaged with the newest line weighted most, so old speech cannot outvote new.
     */
    public List<FromLine> suggestFromLines(String question, List<String> lines) {
        return fromLines(question, lines, false);
    }

    /** As {@link #suggestFromLines}, each line's runner-up counted too (see {@link #suggestWithRunnerUp}). */
    public List<FromLine> suggestFromLinesWithRunnerUp(String question, List<String> lines) {
        return fromLines(question, lines, true);
    }

    private List<FromLine> fromLines(String question, List<String> lines, boolean runnerUp) {
        Map<String, double[]> score = new HashMap<>();
        Map<String, Integer> evidenceLine = new HashMap<>();
        Map<String, Suggestion> evidence = new HashMap<>();
        double total = 0;
        for (int i = 0; i < lines.size(); i++) {
            double w = Math.pow(OLDER_WEIGHT, lines.size() - 1 - i);
            total += w;
            for (Suggestion s : suggest(question, lines.get(i), runnerUp)) {
                double[] sum = score.computeIfAbsent(s.answer(), a -> new double[] {0, -1});
                sum[0] += w * s.confidence();
                if (w * s.confidence() > sum[1]) {
                    sum[1] = w * s.confidence();
                    evidenceLine.put(s.answer(), i);
                    evidence.put(s.answer(), s);
                }
            }
        }
        double norm = total;
        return score.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0]).reversed())
                .limit(MAX_SUGGESTIONS)
                .map(e -> {
                    Suggestion best = evidence.get(e.getKey());
                    return new FromLine(new Suggestion(e.getKey(), round(e.getValue()[0] / norm), best.evidence(), best.example()),
                            evidenceLine.get(e.getKey()));
                })
                .toList();
    }

    /** What a denial affirms is compared only with examples that say something outright, not with other denials. */
    private boolean saysOutright(String example) {
        return !cues.denies(example);
    }

    /**
     * A clause that denies what best matches its positive reading votes, with that strength, for the opposite
     * answer (the two swap scores); a denial of anything else is scored as said. A "both" answer cannot be
     * denied as a whole, so the best single answer is the one denied, and "both" scores no higher than what
     * is left of the denied part: one half of it is what the clause says is fine.
     */
    private List<AnswerIndex.Match> denied(String question, List<AnswerIndex.Match> said, List<AnswerIndex.Match> affirmed) {
        Cues.Both both = cues.both(question);
        String bothAnswer = both == null ? null : both.answer();
        AnswerIndex.Match denied = top(affirmed.stream().filter(m -> !m.answer().equals(bothAnswer)).toList());
        String opposite = cues.opposite(question, denied.answer());
        if (opposite == null) return said;
        double oppositeScore = affirmed.stream().filter(m -> m.answer().equals(opposite)).findFirst().orElseThrow().score();
        return affirmed.stream().map(m -> m == denied ? new AnswerIndex.Match(m.answer(), oppositeScore, m.example())
                : m.answer().equals(opposite) ? new AnswerIndex.Match(m.answer(), denied.score(), m.example())
                : m.answer().equals(bothAnswer) ? bothAfterDenial(said, bothAnswer, oppositeScore) : m).toList();
    }

    /** Speech naming one part of a two-part complaint only, with no "both" cue, scores "both" below its best single answer. */
    private List<AnswerIndex.Match> oneSided(String question, String text, List<AnswerIndex.Match> matches) {
        Cues.Both both = cues.both(question);
        if (both == null || cues.couldBeBoth(question, text)) return matches;
        double single = matches.stream().filter(m -> !m.answer().equals(both.answer())).mapToDouble(AnswerIndex.Match::score).max().orElse(0);
        return matches.stream().map(m -> m.answer().equals(both.answer()) && m.score() >= single
                ? new AnswerIndex.Match(m.answer(), single - ONE_SIDED_DROP, m.example()) : m).toList();
    }

    private static AnswerIndex.Match bothAfterDenial(List<AnswerIndex.Match> said, String bothAnswer, double deniedPart) {
        AnswerIndex.Match m = said.stream().filter(x -> x.answer().equals(bothAnswer)).findFirst().orElseThrow();
        return new AnswerIndex.Match(bothAnswer, Math.min(m.score(), deniedPart), m.example());
    }

    private static AnswerIndex.Match top(List<AnswerIndex.Match> matches) {
        return matches.stream().max(Comparator.comparingDouble(AnswerIndex.Match::score)).orElseThrow();
    }

    private List<Suggestion> rank(Map<String, Best> best, boolean runnerUp) {
        double norm = best.values().stream().mapToDouble(b -> Math.exp(b.score / TEMPERATURE)).sum();
        List<Map.Entry<String, Best>> sorted = best.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Best> e) -> e.getValue().score).reversed()).toList();
        int close = (int) sorted.stream().takeWhile(e -> e.getValue().score >= minScore).count();
        int keep = runnerUp && close == 1 ? Math.min(2, sorted.size()) : close;
        return sorted.subList(0, Math.min(keep, MAX_SUGGESTIONS)).stream()
                .map(e -> new Suggestion(e.getKey(), round(Math.exp(e.getValue().score / TEMPERATURE) / norm),
                        clip(e.getValue().evidence), e.getValue().example))
                .toList();
    }

    /** The best score an answer got from any part of the speech, and the sentence that scored best. */
    private static final class Best {
        double score = -1;
        double sentenceScore = -1;
        String evidence;
        String example;

        void offer(AnswerIndex.Match m, String sentence) {
            if (m.score() > score) {
                score = m.score();
                example = m.example();
            }
            if (sentence != null && m.score() > sentenceScore) {
                sentenceScore = m.score();
                evidence = sentence;
            }
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_EVIDENCE ? s : s.substring(0, MAX_EVIDENCE - 1) + "…";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
