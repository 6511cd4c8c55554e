package callguide.assist;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The labelled examples, embedded once at start-up. Scores a piece of speech against each answer of a
 * question by its nearest examples: the mean similarity of the closest few of each answer's examples,
 * where similarity blends meaning (sentence embeddings) with the words themselves.
 */
public final class AnswerIndex {
    static final int NEAREST = 4;
    static final double MEANING_WEIGHT = 0.6;

    /** One question's examples: per answer, their texts, embeddings and word vectors. */
    private record Examples(Words words, Map<String, List<String>> texts, Map<String, float[][]> meaning,
                            Map<String, List<Map<String, Double>>> wording) {}

    private final EmbeddingModel model;
    private final ServiceNames names;
    private final Cues cues;
    private final Map<String, Examples> byQuestion;

    private AnswerIndex(EmbeddingModel model, ServiceNames names, Cues cues, Map<String, Examples> byQuestion) {
        this.model = model;
        this.names = names;
        this.cues = cues;
        this.byQuestion = byQuestion;
    }

    /** Embeds the examples; {@code optionsName} is the options service's configured name, read as "Options". */
    public static AnswerIndex build(EmbeddingModel model, LabelledExamples examples, String optionsName) {
        ServiceNames names = new ServiceNames(optionsName);
        Cues cues = Cues.bundled();
        Map<String, Examples> byQuestion = new LinkedHashMap<>();
        examples.byQuestion().forEach((question, byOption) -> {
            Words words = Words.over(byOption.values().stream().flatMap(List::stream).map(t -> canonical(names, cues, question, t)).toList());
            Map<String, float[][]> meaning = new LinkedHashMap<>();
            Map<String, List<Map<String, Double>>> wording = new LinkedHashMap<>();
            byOption.forEach((option, texts) -> {
                List<String> canonical = texts.stream().map(t -> canonical(names, cues, question, t)).toList();
                meaning.put(option, Vectors.embed(model, canonical));
                wording.put(option, canonical.stream().map(words::vector).toList());
            });
            byQuestion.put(question, new Examples(words, byOption, meaning, wording));
        });
        return new AnswerIndex(model, names, cues, byQuestion);
    }

    private static String canonical(ServiceNames names, Cues cues, String question, String text) {
        return cues.rewritten(question, names.canonical(text));
    }

    public EmbeddingModel model() {
        return model;
    }

    /** The text as matched: every service under one name, and the question's rewritten words replaced. */
    String canonical(String question, String text) {
        return canonical(names, cues, question, text);
    }

    public boolean knows(String question) {
        return byQuestion.containsKey(question);
    }

    public int size() {
        return byQuestion.values().stream().flatMap(e -> e.texts().values().stream()).mapToInt(List::size).sum();
    }

    public List<String> questions() {
        return List.copyOf(byQuestion.keySet());
    }

    /** How well one sentence matches one answer, and the example it matched best. */
    record Match(String answer, double score, String example) {}

    List<Match> match(String question, String sentence, float[] meaning) {
        return match(question, sentence, meaning, example -> true);
    }

    /** As {@link #match(String, String, float[])}, against only the examples {@code use} accepts. */
    List<Match> match(String question, String sentence, float[] meaning, Predicate<String> use) {
        Examples ex = byQuestion.get(question);
        Map<String, Double> wording = ex.words().vector(sentence);
        List<Match> out = new ArrayList<>();
        ex.meaning().forEach((option, vectors) -> {
            List<Map<String, Double>> words = ex.wording().get(option);
            List<String> texts = ex.texts().get(option);
            double[] sims = new double[vectors.length];
            int n = 0;
            String example = null;
            double bestSim = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < vectors.length; i++) {
                if (!use.test(texts.get(i))) continue;
                double sim = MEANING_WEIGHT * Vectors.dot(meaning, vectors[i]) + (1 - MEANING_WEIGHT) * Words.dot(wording, words.get(i));
                sims[n++] = sim;
                if (sim > bestSim) {
                    bestSim = sim;
                    example = texts.get(i);
                }
            }
            Arrays.sort(sims, 0, n);
            int k = Math.min(NEAREST, n);
            double sum = 0;
            for (int i = 0; i < k; i++) sum += sims[n - 1 - i];
            out.add(new Match(option, k == 0 ? 0 : sum / k, example));
        });
        return out;
    }
}
