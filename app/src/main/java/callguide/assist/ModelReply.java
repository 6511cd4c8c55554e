package callguide.assist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat model's reply, read as the model wrote it: plain text with passage numbers in square brackets, as the
 * prompts ask, or a JSON object ({"answer", "passages"} or {"summary"}), as some models answer whatever they are asked.
 */
final class ModelReply {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("\\s*\\[(\\d{1,2}(?:\\s*,\\s*\\d{1,2})*)\\]");
    private static final Pattern FENCE = Pattern.compile("(?s)^```[a-zA-Z]*\\s*(.*?)\\s*```$");

    /** An answer and the numbers of the passages it rests on (empty when it names none). */
    record Grounded(String answer, List<Integer> passages) {}

    private ModelReply() {}

    static Grounded answer(String reply) {
        if (reply == null) return new Grounded(null, List.of());
        JsonNode json = object(reply);
        if (json != null && json.hasNonNull("answer")) {
            List<Integer> numbers = new ArrayList<>();
            json.path("passages").forEach(n -> {
                if (n.canConvertToInt()) numbers.add(n.asInt());
            });
            return new Grounded(json.get("answer").asText(), List.copyOf(numbers));
        }
        List<Integer> numbers = new ArrayList<>();
        Matcher m = MARKER.matcher(reply);
        while (m.find()) {
            for (String n : m.group(1).split(",")) numbers.add(Integer.parseInt(n.strip()));
        }
        // The markers number the passages as the model saw them, not as the handler will: they go from the text.
        return new Grounded(MARKER.matcher(reply).replaceAll("").strip(), List.copyOf(numbers));
    }

    static String summary(String reply) {
        if (reply == null) return null;
        JsonNode json = object(reply);
        if (json != null) return json.hasNonNull("summary") ? json.get("summary").asText() : null; // JSON, but no summary in it
        return reply.strip();
    }

    /** The reply as a JSON object, fenced or not; null when it is prose. */
    private static JsonNode object(String reply) {
        String text = reply.strip();
        Matcher fenced = FENCE.matcher(text);
        if (fenced.matches()) text = fenced.group(1);
        if (!text.startsWith("{")) return null;
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }
}
