package callguide.call;

import callguide.flow.Outcome;
import callguide.flow.Step;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What an answer leads to: the next step, or the outcome. Stored whole so a retried request gets it again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(Step step, Outcome outcome) {}
