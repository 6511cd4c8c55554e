package callguide.assist;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a caller said, made safe to work on: capped in length, markup and control characters removed,
 * split into sentences. Nothing from the input is ever echoed back with its markup.
 */
public record Utterance(String text, List<String> sentences) {
    public static final int MAX_CHARS = 2_000;
    static final int MAX_SENTENCES = 12;
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});");
    private static final Pattern UNSAFE = Pattern.compile("[<>\\p{Cc}\\p{Cf}&&[^\\n]]");
    private static final Pattern SPACE = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern CLAUSE_END = Pattern.compile("\\s*[,;:\u2013\u2014]\\s*|\\s+-\\s+|\\s+(?=(?:but|and then|and also|as well as|and on top)\\b)");

    public static Utterance of(String raw) {
        if (raw == null) return new Utterance("", List.of());
        String s = raw.length() > MAX_CHARS * 2 ? raw.substring(0, MAX_CHARS * 2) : raw;
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = TAG.matcher(s).replaceAll(" ");
        s = ENTITY.matcher(s).replaceAll(" ");
        s = UNSAFE.matcher(s).replaceAll(" ");
        s = SPACE.matcher(s).replaceAll(" ").strip();
        if (s.length() > MAX_CHARS) s = s.substring(0, MAX_CHARS);
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(s)) {
            String p = part.strip();
            if (p.chars().anyMatch(Character::isLetter)) sentences.add(p);
        }
        // The latest words of a live transcript are the ones about the current question.
        if (sentences.size() > MAX_SENTENCES) sentences = sentences.subList(sentences.size() - MAX_SENTENCES, sentences.size());
        return new Utterance(s.replace('\n', ' '), List.copyOf(sentences));
    }

    /** A sentence's clauses: split at commas, semicolons, dashes and the words that join two points. */
    static List<String> clauses(String sentence) {
        List<String> out = new ArrayList<>();
        for (String part : CLAUSE_END.split(sentence)) {
            if (part.chars().anyMatch(Character::isLetter)) out.add(part.strip());
        }
        return out;
    }

    public boolean isEmpty() {
        return sentences.isEmpty();
    }
}
