package callguide.assist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that change what a clause means for an answer, read from {@code prompts/cues.yaml}: denials
 * ("nobody was rude"), what they deny per question, and the "both" cues of a complaint with two parts.
 */
public final class Cues {
    /**
     * When separate clauses point to every answer of {@code when} and a cue is heard, the answer is {@code answer}.
     * {@code sides}: the words naming each of the two parts; speech naming one part only, without a cue, is not
     * a two-part complaint.
     */
    public record Both(List<String> when, String answer, List<String> cues, List<List<String>> sides) {
        public Both {
            sides = sides == null ? List.of() : List.copyOf(sides);
        }
    }

    /**
     * A caller saying where they speak from ("I'm from the bank", "DVLA here"): one of {@code before}, perhaps
     * a {@code determiner}, then a name of one answer's bodies; one of {@code opening} and a name that ends the
     * clause ("it's the bank, ..."); or the name then one of {@code after}.
     */
    public record Introductions(List<String> before, List<String> opening, List<String> determiners, List<String> after,
                                Map<String, List<String>> names) {
        public Introductions {
            opening = opening == null ? List.of() : List.copyOf(opening);
        }
    }

    record Data(List<String> denials, List<String> kept, Map<String, String> positive,
                Map<String, Map<String, String>> opposites, Map<String, Both> both, List<String> outright,
                Map<String, Map<String, String>> rewrite, Map<String, Map<String, List<String>>> outrightly,
                Map<String, Introductions> introductions, List<String> pleasantries) {
        Data {
            pleasantries = pleasantries == null ? List.of() : List.copyOf(pleasantries);
            outrightly = outrightly == null ? Map.of() : Map.copyOf(outrightly);
            introductions = introductions == null ? Map.of() : Map.copyOf(introductions);
            outright = outright == null ? List.of() : List.copyOf(outright);
            rewrite = rewrite == null ? Map.of() : Map.copyOf(rewrite);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Data data;
    private final Pattern denial;
    private final Pattern kept;
    private final Pattern positive;
    private final Pattern pleasantries;
    private final Map<String, Pattern> bothCues;
    private final Map<String, List<Pattern>> bothSides = new java.util.HashMap<>();
    private final Map<String, Pattern> rewrites = new java.util.HashMap<>();
    private final Map<String, Map<String, Pattern>> outrightly = new java.util.HashMap<>();
    private final Map<String, Map<String, Pattern>> introductions = new java.util.HashMap<>();

    private Cues(Data data) {
        this.data = data;
        this.denial = phrases(data.denials());
        this.kept = phrases(data.kept());
        this.positive = phrases(List.copyOf(data.positive().keySet()));
        this.pleasantries = phrases(data.pleasantries());
        this.bothCues = new java.util.HashMap<>();
        data.both().forEach((q, b) -> bothCues.put(q, phrases(b.cues())));
        data.both().forEach((q, b) -> bothSides.put(q, b.sides().stream().map(Cues::phrases).toList()));
        data.outrightly().forEach((q, byAnswer) -> {
            Map<String, Pattern> patterns = new java.util.LinkedHashMap<>();
            byAnswer.forEach((answer, said) -> patterns.put(answer, phrases(said)));
            outrightly.put(q, patterns);
        });
        data.introductions().forEach((q, in) -> {
            Map<String, Pattern> patterns = new java.util.LinkedHashMap<>();
            in.names().forEach((answer, names) -> patterns.put(answer, introduction(in, names)));
            introductions.put(q, patterns);
        });
        data.rewrite().forEach((q, r) -> rewrites.put(q, Pattern.compile(phrases(List.copyOf(r.keySet())).pattern(), Pattern.CASE_INSENSITIVE)));
    }

    public static Cues bundled() {
        try (InputStream in = Cues.class.getResourceAsStream("/prompts/cues.yaml")) {
            if (in == null) throw new IllegalStateException("missing /prompts/cues.yaml");
            return new Cues(YAML.readValue(in, Data.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /prompts/cues.yaml", e);
        }
    }

    /** Whether the clause denies something (rather than, say, "not happy with", which complains of it). */
    boolean denies(String clause) {
        String s = plain(clause);
        return denial.matcher(kept.matcher(s).replaceAll(" ")).find();
    }

    /** Whether the text says anything beyond greetings, thanks and fillers ("Hello?", "Um, thanks"). */
    boolean saysAnything(String text) {
        return pleasantries.matcher(plain(text)).replaceAll(" ").chars().anyMatch(Character::isLetter);
    }

    /** The clause with its denial words read positively: what it denies. */
    String affirmed(String clause) {
        Matcher m = positive.matcher(plain(clause));
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(data.positive().get(m.group())));
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** The text with the question's rewritten words replaced (see cues.yaml); examples and speech alike. */
    String rewritten(String question, String text) {
        Pattern p = rewrites.get(question);
        if (p == null) return text;
        Map<String, String> by = data.rewrite().get(question);
        Matcher m = p.matcher(text.replace('\u2019', '\''));
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(by.get(m.group().toLowerCase(Locale.ROOT))));
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** Whether the question has denials or a "both" answer to read, and so is read clause by clause. */
    boolean reads(String question) {
        return data.opposites().containsKey(question) || data.both().containsKey(question);
    }

    /** The answer a denial of {@code answer}'s content implies, or null. */
    String opposite(String question, String answer) {
        return data.opposites().getOrDefault(question, Map.of()).get(answer);
    }

    /** Whether the question's clauses are compared only with examples that deny nothing (see cues.yaml). */
    boolean outright(String question) {
        return data.outright().contains(question);
    }

    Both both(String question) {
        return data.both().get(question);
    }

    boolean bothHeard(String question, String text) {
        Pattern p = bothCues.get(question);
        return p != null && p.matcher(plain(text)).find();
    }

    /**
     * The answer the speech gives in so many words ("I'm the paying parent"), or null; "it's not my case" gives none.
     * Failing that, the body the caller first says they speak from ("I'm from the bank").
     */
    String saidOutright(String question, String text) {
        String s = plain(text);
        String said = outrightly.getOrDefault(question, Map.of()).entrySet().stream()
                .filter(e -> saysUndenied(e.getValue(), s)).map(Map.Entry::getKey).findFirst().orElse(null);
        if (said != null) return said;
        int first = Integer.MAX_VALUE;
        for (Map.Entry<String, Pattern> e : introductions.getOrDefault(question, Map.of()).entrySet()) {
            int at = firstUndenied(e.getValue(), s);
            if (at < first) {
                first = at;
                said = e.getKey();
            }
        }
        return said;
    }

    private static Pattern introduction(Introductions in, List<String> names) {
        String name = "(?:" + alternatives(names) + ")(?:'s)?";
        String determiner = "(?:" + alternatives(in.determiners()) + ")\\s+";
        return Pattern.compile("(?<![\\p{L}'])(?:(?:" + alternatives(in.before()) + ")\\s+(?:" + determiner + ")?" + name
                + "|(?:" + alternatives(in.opening()) + ")\\s+(?:" + determiner + ")?" + name + "(?=\\s*(?:[,.;:!?\u2013\u2014-]|$))"
                + "|" + name + "\\s+(?:" + alternatives(in.after()) + "))(?![\\p{L}'])");
    }

    private static int firstUndenied(Pattern phrase, String s) {
        Matcher m = phrase.matcher(s);
        while (m.find()) {
            if (!DENIED_BEFORE.matcher(s.substring(Math.max(0, m.start() - 24), m.start())).find()) return m.start();
        }
        return Integer.MAX_VALUE;
    }

    private static final Pattern DENIED_BEFORE = Pattern.compile("(?:\\bnot|n't|\\bnever|\\bno)\\s+(?:\\S+\\s+)?$");

    private static boolean saysUndenied(Pattern phrase, String s) {
        Matcher m = phrase.matcher(s);
        while (m.find()) {
            if (!DENIED_BEFORE.matcher(s.substring(Math.max(0, m.start() - 24), m.start())).find()) return true;
        }
        return false;
    }

    /** Whether the speech could be a two-part complaint: it names every part, or a "both" cue is heard. */
    boolean couldBeBoth(String question, String text) {
        List<Pattern> sides = bothSides.getOrDefault(question, List.of());
        String s = plain(text);
        return sides.isEmpty() || bothHeard(question, text) || sides.stream().allMatch(p -> p.matcher(s).find());
    }

    private static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /** Any of the phrases as whole words, longest first. */
    private static Pattern phrases(List<String> phrases) {
        if (phrases.isEmpty()) return Pattern.compile("(?!)");
        return Pattern.compile("(?<![\\p{L}'])(?:" + alternatives(phrases) + ")(?![\\p{L}'])");
    }

    private static String alternatives(List<String> phrases) {
        if (phrases.isEmpty()) return "(?!)";
        return String.join("|", phrases.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(p -> Pattern.quote(p.toLowerCase(Locale.ROOT))).toList());
    }
}
