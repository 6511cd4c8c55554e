package callguide.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests the answer to a question from what the caller said. It never answers: below the threshold
 * it suggests nothing, and the handler decides either way.
 */
public final class Suggester {
    static final int MAX_SUGGESTIONS = 3;
    static final int MAX_EVIDENCE = 300;
    /** Spreads similarities into confidences; similarities of sentence embeddings differ by hundredths. */
    static final double TEMPERATURE = 0.04;

    private final AnswerIndex index;
    private final double minScore;

    public Suggester(AnswerIndex index, double minScore) {
        this.index = index;
        this.minScore = minScore;
    }

    public boolean knows(String question) {
        return index.knows(question);
    }

    public List<String> questions() {
        return index.questions();
    }

    /** Suggestions best first; empty when nothing said is close enough to any answer. */
    public List<Suggestion> suggest(String question, String text) {
        if (!index.knows(question)) throw new IllegalArgumentException("no suggestions for question '" + question + "'");
        Utterance u = Utterance.of(text);
        if (u.isEmpty()) return List.of();
        List<String> segments = new ArrayList<>(u.sentences());
        if (segments.size() > 1) segments.add(u.text());
        segments.replaceAll(index::canonical);
        float[][] vectors = Vectors.embed(index.model(), segments);
        Map<String, Best> best = new HashMap<>();
        for (int s = 0; s < vectors.length; s++) {
            boolean sentence = s < u.sentences().size();
            for (AnswerIndex.Match m : index.match(question, segments.get(s), vectors[s])) {
                Best b = best.computeIfAbsent(m.answer(), a -> new Best());
                b.offer(m, sentence ? u.sentences().get(s) : null);
            }
        }
        return rank(best);
    }

    private List<Suggestion> rank(Map<String, Best> best) {
        double norm = best.values().stream().mapToDouble(b -> Math.exp(b.score / TEMPERATURE)).sum();
        return best.entrySet().stream()
                .filter(e -> e.getValue().score >= minScore)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Best> e) -> e.getValue().score).reversed())
                .limit(MAX_SUGGESTIONS)
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
