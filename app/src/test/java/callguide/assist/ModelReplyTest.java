package callguide.assist;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A chat model's reply is understood however the model writes it. */
class ModelReplyTest {

    @Test
    void plain_text_gives_its_passage_numbers_and_loses_the_markers() {
        ModelReply.Grounded g = ModelReply.answer("Post is kept 28 days [1]. Then it is shredded [2, 4].\n");
        assertEquals("Post is kept 28 days. Then it is shredded.", g.answer());
        assertEquals(List.of(1, 2, 4), g.passages());
        assertEquals(List.of(), ModelReply.answer("The passages do not say.").passages());
    }

    @Test
    void a_json_reply_fenced_or_not_is_read_as_json() {
        ModelReply.Grounded g = ModelReply.answer("```json\n{\"answer\": \"Kept 28 days.\", \"passages\": [3]}\n```");
        assertEquals("Kept 28 days.", g.answer());
        assertEquals(List.of(3), g.passages());
        assertEquals("A complaint was raised.", ModelReply.summary("{\"summary\": \"A complaint was raised.\"}"));
        assertEquals("A complaint was raised.", ModelReply.summary("  A complaint was raised.\n"));
        assertEquals(null, ModelReply.summary("{\"answer\": \"not a summary\"}"), "JSON with no summary in it is none");
        assertEquals("{not json", ModelReply.answer("{not json").answer(), "prose that only looks like JSON is kept as written");
    }
}
