package callguide.assist;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.time.Duration;

/** Builds the advisor on an OpenAI-compatible endpoint (Ollama's /v1 is one), or none without settings. */
public final class ChatModels {
    private ChatModels() {}

    public static ProcedureAdvisor advisor(AssistSettings.Chat chat) {
        if (chat == null) return null;
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(chat.baseUrl().toString())
                .apiKey(chat.apiKey() == null ? "none" : chat.apiKey())
                .modelName(chat.modelName())
                .temperature(0.0)
                .timeout(Duration.ofSeconds(chat.timeoutSeconds()))
                .maxRetries(1)
                .build();
        return AiServices.builder(ProcedureAdvisor.class).chatModel(model).build();
    }
}
