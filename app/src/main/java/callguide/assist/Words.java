package callguide.assist;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Word overlap, weighted by how rare each word is among the examples: catches the names and small words
 * ("both", "only", "review team") that sentence embeddings blur.
 */
final class Words {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, Double> idf;
    private final boolean stemmed;

    private Words(Map<String, Double> idf, boolean stemmed) {
        this.idf = idf;
        this.stemmed = stemmed;
    }

    static Words over(List<String> texts) {
        return over(texts, false);
    }

    /** With {@code stemmed}, each word is reduced to its stem first (see {@link Stemmer}): for procedure search. */
    static Words over(List<String> texts, boolean stemmed) {
        Map<String, Integer> df = new HashMap<>();
        for (String t : texts) tokens(t, stemmed).keySet().forEach(w -> df.merge(w, 1, Integer::sum));
        Map<String, Double> idf = new HashMap<>();
        df.forEach((w, n) -> idf.put(w, Math.log(1.0 + texts.size() / (double) n)));
        return new Words(idf, stemmed);
    }

    /** A unit-length weighted bag of words and word pairs. */
    Map<String, Double> vector(String text) {
        Map<String, Double> v = new HashMap<>();
        double unseen = Math.log(1.0 + idf.size());
        tokens(text, stemmed).forEach((w, n) -> v.put(w, n * idf.getOrDefault(w, unseen)));
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) v.replaceAll((w, x) -> x / norm);
        return v;
    }

    /** The text's words (not word pairs), each reduced to its stem when stemmed. */
    Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        tokens(text, stemmed).keySet().stream().filter(w -> w.indexOf(' ') < 0).forEach(out::add);
        return out;
    }

    /**
     * How much of the query's wording the text holds, 0 to 1: its words weighted by rarity, so a missing
     * "the" costs little and a missing "bailiff" a lot. Unlike the cosine, a long text is not diluted.
     */
    double coverage(Set<String> query, Set<String> text) {
        double unseen = Math.log(1.0 + idf.size());
        double all = 0, found = 0;
        for (String w : query) {
            double weight = idf.getOrDefault(w, unseen);
            all += weight;
            if (text.contains(w)) found += weight;
        }
        return all == 0 ? 0 : found / all;
    }

    static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double s = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double o = large.get(e.getKey());
            if (o != null) s += e.getValue() * o;
        }
        return s;
    }

    static Map<String, Integer> tokens(String text) {
        return tokens(text, false);
    }

    static Map<String, Integer> tokens(String text, boolean stemmed) {
        Map<String, Integer> out = new HashMap<>();
        String previous = null;
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT).replace("'", ""))) {
            if (word.isEmpty()) continue;
            String w = stemmed ? Stemmer.stem(word) : word;
            out.merge(w, 1, Integer::sum);
            if (previous != null) out.merge(previous + " " + w, 1, Integer::sum);
            previous = w;
        }
        return out;
    }
}
