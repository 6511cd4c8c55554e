package callguide.assist;

import java.net.URI;
import java.nio.file.Path;

/** The assistant's settings: where procedure documents are, how sure a suggestion must be, the chat model. */
public record AssistSettings(Path proceduresDir, double minScore, Chat chat) {
    public static final double DEFAULT_MIN_SCORE = 0.2;

    /** An OpenAI-compatible chat endpoint (Ollama's /v1 included); absent when no base URL is set. */
    public record Chat(URI baseUrl, String modelName, String apiKey, int timeoutSeconds) {}

    public boolean hasChatModel() {
        return chat != null;
    }
}
