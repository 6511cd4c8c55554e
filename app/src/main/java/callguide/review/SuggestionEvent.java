package callguide.review;

import callguide.assist.Confidence;
import callguide.call.CallEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A suggestion on the timeline: what the assistant suggested, how sure, on what words, and what the handler chose. */
final class SuggestionEvent {
    private SuggestionEvent() {}

    static TimelinePage.Item item(CallEvent e, String prompt, UnaryOperator<String> label, ObjectMapper json, String at) {
        JsonNode d = read(json, e.detail());
        List<String> lines = new ArrayList<>();
        boolean stale = d.path("stale").asBoolean(false);
        lines.add("Suggested: " + label.apply(d.path("suggested").asText(null)) + " (" + Confidence.words(d.path("confidence").asDouble(), stale) + ")");
        String said = d.hasNonNull("said") ? " at " + d.get("said").asText() : "";
        if (stale) lines.add("From earlier in the call" + said + ", before the question was asked");
        if (e.note() != null) lines.add("The caller said" + (stale ? "" : said) + ": \u201c" + e.note() + "\u201d");
        lines.add(d.path("accepted").asBoolean()
                ? "Accepted: the handler chose the suggested answer"
                : "Overridden: the handler chose '" + label.apply(e.answer()) + "'");
        return new TimelinePage.Item(e.type(), "Suggested answer: " + prompt, at, null, lines, null, e.answer(), e.at());
    }

    private static JsonNode read(ObjectMapper json, String detail) {
        try {
            return detail == null ? json.createObjectNode() : json.readTree(detail);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
