package callguide.assist;

import callguide.flow.Terms;
import callguide.flow.TestFlows;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A word of a short query finds the passages that hold it in any form, ahead of those that only mean something near. */
class ProcedureSearchTest {
    static final EmbeddingModel MODEL = EmbeddedModel.load();
    static final List<Passage> FLOW = FlowPassages.of(TestFlows.intake(), Terms.of(false, TestFlows.CONTACTS));
    static final ProcedureSearch SEARCH = new ProcedureSearch(MODEL, FLOW);

    static List<String> headings(ProcedureSearch search, String query) {
        return search.search(query, 5).stream().map(h -> h.passage().citation().heading()).toList();
    }

    @Test
    void bailiff_and_bailiffs_both_find_the_question_that_lists_bailiffs_first() {
        for (String q : List.of("bailiff", "bailiffs", "Bailiffs?")) {
            List<String> found = headings(SEARCH, q);
            assertEquals("Question: Who is complaining?", found.isEmpty() ? null : found.get(0), q + ": " + found);
        }
    }

    @Test
    void every_word_of_a_two_word_query_in_a_passage_finds_it() {
        assertEquals("Question: Who is complaining?", headings(SEARCH, "DNA testing").get(0));
        assertEquals("Question: Who is complaining?", headings(SEARCH, "debt collection").get(0));
    }

    @Test
    void a_longer_question_is_still_ranked_by_meaning_and_words_together() {
        List<String> found = headings(SEARCH, "client only unhappy with Child Maintenance Options, what number do I give");
        assertTrue(found.get(0).startsWith("Outcome: Tell the client to contact"), found.toString());
    }

    /** Reads the procedure documents in ../shared/seeds beside the project, which the product never ships; skipped without them. */
    @Test
    void with_the_procedures_bailiff_and_bailiffs_both_find_the_third_party_procedure() {
        Path seeds = seeds();
        Assumptions.assumeTrue(Files.isDirectory(seeds), "skipped: no procedure documents at " + seeds);
        List<Passage> all = new ArrayList<>(FLOW);
        all.addAll(ProcedureDocuments.read(seeds, TestFlows.intake().documents()));
        ProcedureSearch search = new ProcedureSearch(MODEL, all);
        for (String q : List.of("bailiff", "bailiffs")) {
            List<String> found = search.search(q, 5).stream().map(h -> h.passage().citation().document() + " " + h.passage().citation().heading()).toList();
            assertTrue(found.contains("000_8e5d05a8eeed3fc3.txt Complaint - Third Party"), q + ": " + found);
            assertTrue(found.contains("intake.yaml Question: Who is complaining?"), q + ": " + found);
        }
    }

    static Path seeds() {
        return callguide.support.Seeds.folder();
    }
}
