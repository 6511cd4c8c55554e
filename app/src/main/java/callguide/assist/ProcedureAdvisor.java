package callguide.assist;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import java.util.List;

/** What a chat model does for the assistant, as a LangChain4j AI service; prompts live in prompts/. */
public interface ProcedureAdvisor {

    /** An answer written from the numbered passages, and the numbers of those it rests on. */
    record GroundedAnswer(String answer, List<Integer> passages) {}

    record CaseSummary(String summary) {}

    @SystemMessage(fromResource = "/prompts/ask-system.txt")
    @UserMessage(fromResource = "/prompts/ask-user.txt")
    GroundedAnswer answer(@V("question") String question, @V("passages") String passages);

    @SystemMessage(fromResource = "/prompts/summary-system.txt")
    @UserMessage(fromResource = "/prompts/summary-user.txt")
    CaseSummary summarise(@V("path") String guidedPath);
}
