package callguide.assist;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Procedure search finds a word in any of its forms: the query and the passages share one stem. */
class StemmerTest {
    @Test
    void plurals_and_endings_share_the_stem_of_the_word() {
        assertEquals(Stemmer.stem("bailiff"), Stemmer.stem("bailiffs"));
        assertEquals(Stemmer.stem("agency"), Stemmer.stem("agencies"));
        assertEquals(Stemmer.stem("complain"), Stemmer.stem("complained"));
        assertEquals(Stemmer.stem("complain"), Stemmer.stem("complaining"));
        assertEquals(Stemmer.stem("address"), Stemmer.stem("addresses"));
        assertEquals(Stemmer.stem("stop"), Stemmer.stem("stopped"));
    }

    @Test
    void short_words_and_words_ending_in_ss_us_or_is_are_left_alone() {
        assertEquals("bus", Stemmer.stem("bus"));
        assertEquals("class", Stemmer.stem("class"));
        assertEquals("status", Stemmer.stem("status"));
        assertEquals("analysis", Stemmer.stem("analysis"));
        assertEquals("red", Stemmer.stem("red"));
        assertNotEquals(Stemmer.stem("bed"), Stemmer.stem("be"));
    }

    @Test
    void search_words_match_across_forms() {
        Words words = Words.over(java.util.List.of("Contact the bailiffs first.", "Something else entirely."), true);
        double score = Words.dot(words.vector("bailiff"), words.vector("Contact the bailiffs first."));
        org.junit.jupiter.api.Assertions.assertTrue(score > 0, "bailiff finds bailiffs: " + score);
    }
}
