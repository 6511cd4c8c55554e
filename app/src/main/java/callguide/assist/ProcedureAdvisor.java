package callguide.assist;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * What a chat model does for the assistant, as a LangChain4j AI service; prompts live in prompts/. Replies come back
 * as written and are read by {@link ModelReply}: any model, JSON-minded or not, is understood.
 */
public interface ProcedureAdvisor {

    @SystemMessage(fromResource = "/prompts/ask-system.txt")
    @UserMessage(fromResource = "/prompts/ask-user.txt")
    String answer(@V("question") String question, @V("passages") String passages);

    @SystemMessage(fromResource = "/prompts/summary-system.txt")
    @UserMessage(fromResource = "/prompts/summary-user.txt")
    String summarise(@V("path") String guidedPath);
}
