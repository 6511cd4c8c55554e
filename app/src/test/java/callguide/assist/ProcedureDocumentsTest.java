package callguide.assist;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcedureDocumentsTest {
    static final String DOC = """
            Returned Post Handling

            What to do when a letter comes back undelivered.

            Logging returned post

            1. Record the returned item against the case on the day it arrives.
            2. Check the address held on the case.

            Secure storage

            Kept for 28 days, then shredded. Ask returns.coordinator@example.invalid, never a client.
            """;

    @Test
    void a_document_splits_into_passages_by_heading_and_numbered_step() {
        List<Passage> passages = ProcedureDocuments.split("returned-post.txt", DOC);
        assertEquals(4, passages.size(), passages.toString());
        Passage step2 = passages.get(2);
        assertEquals("Logging returned post", step2.citation().heading());
        assertEquals(2, step2.citation().step());
        assertEquals("Check the address held on the case.", step2.text());
        assertEquals("Returned Post Handling", passages.get(0).citation().heading());
        assertEquals("returned-post.txt", passages.get(0).citation().document());
    }

    @Test
    void a_single_word_after_a_finished_sentence_is_a_heading_but_a_word_of_a_broken_sentence_is_not() {
        List<Passage> passages = ProcedureDocuments.split("widgets.txt", """
                Widget Complaints

                Introduction

                This procedure covers complaints about widgets bought from us.

                Refunds

                A refund for a broken widget is paid within 10 working days of the claim.

                A claim can be made,

                by

                Phone

                or letter, and is logged the same day it arrives here.
                """);
        assertEquals(List.of("Introduction", "Refunds"), passages.stream().map(p -> p.citation().heading()).toList(), passages.toString());
        assertTrue(passages.get(1).text().contains("made, by Phone or letter"), "a word of a sentence broken over lines stays in it");
    }

    @Test
    void no_break_spaces_are_spaces_so_a_heading_spaced_with_them_is_a_heading() {
        List<Passage> passages = ProcedureDocuments.split("overview.txt", " Complaints\u00a0Overview\u00a0\n\nA\u00a0client\u00a0can\u00a0complain\u00a0about\u00a0the\u00a0service.\n");
        assertEquals("Complaints Overview", passages.get(0).citation().heading());
        assertEquals("A client can complain about the service.", passages.get(0).text());
    }

    /** Reads ../shared/seeds beside the project, which the product never ships; skipped without them. */
    @Test
    void the_seed_overview_is_cited_under_its_heading_and_the_folder_readme_is_not_a_procedure() {
        java.nio.file.Path seeds = callguide.support.Seeds.folder();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(seeds), "skipped: no procedure documents at " + seeds);
        List<Passage> all = ProcedureDocuments.read(seeds, java.util.Map.of());
        List<Passage> overview = all.stream().filter(p -> p.citation().document().startsWith("001_")).toList();
        assertFalse(overview.isEmpty());
        assertTrue(overview.stream().allMatch(p -> p.citation().heading().equals("Complaints Overview")), overview.get(0).citation().toString());
        assertFalse(overview.stream().anyMatch(p -> p.text().contains("\u00a0")));
        assertFalse(all.stream().anyMatch(p -> p.citation().document().startsWith("README")), "the folder's README");
    }

    @Test
    void markdown_headings_are_headings_whatever_their_case() {
        List<Passage> passages = ProcedureDocuments.split("garden.md", """
                # Looking after cacti

                ## watering
                1. Water each cactus once a month in summer.
                2. Water none at all in winter, whatever it looks like.
                """);
        assertEquals(2, passages.size(), passages.toString());
        assertEquals("watering", passages.get(0).citation().heading());
        assertEquals(1, passages.get(0).citation().step());
        assertEquals("Water each cactus once a month in summer.", passages.get(0).text());
    }

    @Test
    void a_document_is_cited_by_the_name_the_flows_give_it_else_by_its_first_heading() {
        java.nio.file.Path dir = java.nio.file.Path.of(callguide.support.TestApp.resourceFolder("/procedures"));
        assertEquals("Returned post (local guidance)", ProcedureDocuments.read(dir, java.util.Map.of("returned-post.txt", "Returned post (local guidance)"))
                .get(0).citation().name());
        List<Passage> unnamed = ProcedureDocuments.read(dir, java.util.Map.of());
        assertTrue(unnamed.stream().allMatch(p -> p.citation().name().equals("Returned Post Handling")), unnamed.toString());
        assertEquals("returned-post.txt", unnamed.get(0).citation().document(), "the file name stays with the citation");
    }

    @Test
    void email_addresses_in_procedures_are_withheld() {
        Passage storage = ProcedureDocuments.split("returned-post.txt", DOC).get(3);
        assertEquals("Secure storage", storage.citation().heading());
        assertFalse(storage.text().contains("@"), storage.text());
        assertTrue(storage.text().contains(ProcedureDocuments.WITHHELD));
    }
}
