package callguide.guide;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The words of a search marked in a passage as search matched them: by their start, or by their stem. */
class SearchMarksTest {
    private static List<String> marks(String text, String query) {
        return SearchPages.marked(text, query).stream().filter(SearchPages.Part::marked).map(SearchPages.Part::text).toList();
    }

    @Test
    void a_word_is_marked_in_any_of_its_forms() {
        assertEquals(List.of("bailiff"), marks("A bailiff came to the door.", "bailiffs"));
        assertEquals(List.of("Bailiffs"), marks("Bailiffs came to the door.", "bailiff"));
        assertEquals(List.of("complained"), marks("She complained twice.", "complaining"));
    }

    @Test
    void the_start_of_a_word_still_marks_it_and_common_words_never_do() {
        assertEquals(List.of("parentage"), marks("Questions of parentage go elsewhere.", "parent"));
        assertEquals(List.of(), marks("The case and the client.", "the and"));
    }
}
