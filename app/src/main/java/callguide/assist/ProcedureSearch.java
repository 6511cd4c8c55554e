package callguide.assist;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the passages of the procedures and flows that answer a question: meaning (embeddings in an
 * in-memory store) blended with the words themselves, so exact terms such as a letter code still count.
 * A query of a word or two carries little meaning for the embeddings ("bailiff" sits nearer the ombudsman
 * than the bailiffs' passage), and in a long passage one word is a small share of the words, so there the
 * words count by how many of them a passage holds: a passage with every word of a short query scores at
 * least the words' part of the blend, above {@link #MIN_SCORE}, so it is always found, ranked by meaning
 * among the others that hold them, and ahead of most passages that only mean something near.
 */
public final class ProcedureSearch {
    static final double MEANING_WEIGHT = 0.7;
    static final double MIN_SCORE = 0.2;
    /** Up to this many words, a passage's words count by whether it holds the query's, not by their share of it. */
    static final int SHORT_QUERY = 3;
    private static final int CANDIDATES = 30;

    /** A passage found for a query, and how well it matched (0 to 1). */
    public record Hit(Passage passage, double score) {}

    private final EmbeddingModel model;
    private final List<Passage> passages;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final Words words;
    private final List<Map<String, Double>> wording;
    private final List<Set<String>> stems;

    public ProcedureSearch(EmbeddingModel model, List<Passage> passages) {
        this.model = model;
        this.passages = List.copyOf(passages);
        List<String> texts = passages.stream().map(ProcedureSearch::indexed).toList();
        this.words = Words.over(texts, true);
        this.wording = texts.stream().map(words::vector).toList();
        this.stems = texts.stream().map(words::stems).toList();
        if (!passages.isEmpty()) {
            List<TextSegment> segments = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) segments.add(TextSegment.from(texts.get(i)));
            List<Embedding> embeddings = model.embedAll(segments).content();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) ids.add(Integer.toString(i));
            store.addAll(ids, embeddings, segments);
        }
    }

    public int size() {
        return passages.size();
    }

    /** The best passages for the query, best first; empty when nothing is close. */
    public List<Hit> search(String query, int max) {
        Utterance q = Utterance.of(query);
        if (q.isEmpty() || passages.isEmpty()) return List.of();
        Set<String> queryStems = words.stems(q.text());
        boolean shortQuery = Words.tokens(q.text()).keySet().stream().filter(w -> w.indexOf(' ') < 0).count() <= SHORT_QUERY;
        Map<Integer, Double> meaning = new HashMap<>();
        Embedding e = model.embed(q.text()).content();
        // A short query may hold a word that many passages share: all of them are ranked by meaning too.
        int candidates = shortQuery ? passages.size() : CANDIDATES;
        for (EmbeddingMatch<TextSegment> m : store.search(EmbeddingSearchRequest.builder().queryEmbedding(e).maxResults(candidates).build()).matches()) {
            meaning.put(Integer.valueOf(m.embeddingId()), m.score());
        }
        Map<String, Double> queryWords = words.vector(q.text());
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            double lexical = shortQuery ? words.coverage(queryStems, stems.get(i)) : Words.dot(queryWords, wording.get(i));
            Double cosine = meaning.get(i);
            if (cosine == null && lexical == 0) continue;
            // The store scores relevance as (1 + cosine) / 2; back to a cosine, floored at zero.
            double semantic = cosine == null ? 0 : Math.max(0, 2 * cosine - 1);
            double score = MEANING_WEIGHT * semantic + (1 - MEANING_WEIGHT) * lexical;
            if (score >= MIN_SCORE) hits.add(new Hit(passages.get(i), Math.round(score * 1000) / 1000.0));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits.subList(0, Math.min(max, hits.size()));
    }

    /** The heading is part of what a passage is about. */
    private static String indexed(Passage p) {
        String heading = p.citation().heading();
        return (heading == null ? "" : heading + ": ") + p.text();
    }
}
