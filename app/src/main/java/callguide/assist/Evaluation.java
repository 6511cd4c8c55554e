package callguide.assist;

import callguide.flow.Vocabulary;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The eval-assist command: suggests an answer for every utterance of each held-out labelled set and prints
 * top-1 accuracy per question and overall, latency per suggestion, and the model's start-up cost.
 */
public final class Evaluation {
    /** The plain held-out set, the harder one (representatives, both-parts complaints, negations), and a fresh one. */
    public static final List<Path> DEFAULT_SETS = List.of(Path.of("app/src/test/resources/assist/eval.yaml"),
            Path.of("app/src/test/resources/assist/eval-hard.yaml"), Path.of("app/src/test/resources/assist/eval-fresh.yaml"));

    /** How one question went: right answers, no suggestion, total, and what went wrong. */
    public record Score(String question, int right, int silent, int total, List<String> misses) {
        public double accuracy() {
            return total == 0 ? 0 : (double) right / total;
        }
    }

    public record Report(List<Score> scores, long[] nanos) {
        public double overall() {
            int right = scores.stream().mapToInt(Score::right).sum();
            int total = scores.stream().mapToInt(Score::total).sum();
            return total == 0 ? 0 : (double) right / total;
        }

        public double percentileMillis(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) return 0;
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
        }
    }

    public static void main(String[] args) throws IOException {
        List<Path> sets = args.length > 0 ? Arrays.stream(args).map(Path::of).toList() : DEFAULT_SETS;
        for (Path set : sets) {
            if (!Files.isRegularFile(set)) {
                System.err.println("eval-assist: no evaluation set at " + set + " (run from the repository root, or name the files)");
                System.exit(2);
            }
        }
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        EmbeddingModel model = EmbeddedModel.load();
        model.embed("warm up");
        long t1 = System.nanoTime();
        AnswerIndex index = AnswerIndex.build(model, LabelledExamples.bundled(Vocabulary.INTAKE.choiceFacts()), null);
        long t2 = System.nanoTime();
        System.gc();
        long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf(Locale.ROOT, "model loaded in %d ms; %d examples embedded in %d ms; heap in use %d MB%n",
                (t1 - t0) / 1_000_000, index.size(), (t2 - t1) / 1_000_000, heap);
        Suggester suggester = new Suggester(index, AssistSettings.DEFAULT_MIN_SCORE);
        for (Path set : sets) {
            LabelledExamples held;
            try (InputStream in = Files.newInputStream(set)) {
                held = LabelledExamples.read(in, Vocabulary.INTAKE.choiceFacts());
            }
            System.out.println();
            System.out.println("== " + set);
            print(run(suggester, held));
        }
    }

    public static Report run(Suggester suggester, LabelledExamples held) {
        List<Score> scores = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        held.byQuestion().forEach((question, byAnswer) -> {
            int right = 0, silent = 0, total = 0;
            List<String> misses = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : byAnswer.entrySet()) {
                for (String text : e.getValue()) {
                    long start = System.nanoTime();
                    List<Suggestion> s = suggester.suggest(question, text);
                    nanos.add(System.nanoTime() - start);
                    total++;
                    if (s.isEmpty()) silent++;
                    else if (s.get(0).answer().equals(e.getKey())) right++;
                    if (s.isEmpty() || !s.get(0).answer().equals(e.getKey())) {
                        misses.add(e.getKey() + " <- " + (s.isEmpty() ? "nothing" : s.get(0).answer() + " " + s.get(0).confidence()) + ": " + text);
                    }
                }
            }
            scores.add(new Score(question, right, silent, total, misses));
        });
        return new Report(scores, nanos.stream().mapToLong(Long::longValue).toArray());
    }

    static void print(Report report) {
        for (Score s : report.scores()) {
            System.out.printf(Locale.ROOT, "%-26s %5.1f%%  (%d/%d right, %d without a suggestion)%n",
                    s.question(), s.accuracy() * 100, s.right(), s.total(), s.silent());
            s.misses().forEach(m -> System.out.println("    missed: " + m));
        }
        System.out.printf(Locale.ROOT, "overall %.1f%% top-1 over %d utterances; latency per suggestion p50 %.1f ms, p99 %.1f ms%n",
                report.overall() * 100, report.nanos().length, report.percentileMillis(50), report.percentileMillis(99));
    }
}
