package callguide.guide;

import callguide.call.Call;
import callguide.call.CallRefused;
import callguide.flow.Flow;
import callguide.flow.InvalidAnswer;
import callguide.flow.IntakeRules;
import callguide.flow.Position;
import callguide.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** "Check your answers": the last answer is held here, unrecorded, until the handler confirms it. */
public final class CheckPages {
    /** {@code deciding}: the two or three answers that led to the outcome, shown first; {@code answers}: all of them. */
    public record CheckPage(UUID callId, List<CallViews.AnswerRow> answers, String question, String answer,
                            String outcomeTitle, UUID requestId, String back, CallViews.Timer timer,
                            List<CallViews.AnswerRow> deciding) {}

    private final CallViews views;

    public CheckPages(CallViews views) {
        this.views = views;
    }

    public void show(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        String question = ctx.queryParam("question"), answer = ctx.queryParam("answer");
        Position position = views.calls().outcomeIfAnswered(call, question, answer).orElse(null);
        if (position == null) {
            ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
            return;
        }
        // Reopened from the browser's history too (the answer's post already held it): a staff-conduct "yes" waiting here keeps no details.
        if (IntakeRules.confidential(question, answer)) views.calls().withholdDetails(call.id());
        Flow flow = views.calls().flowOf(call);
        String pending = new CallViews.Pending(question, answer).text();
        String title = views.renderer().terms(position.answersInForce()).say(position.outcome().title());
        String back = "/calls/" + call.id() + "/questions/" + question + "?pending=" + CallViews.encode(pending);
        List<CallViews.AnswerRow> rows = views.rows(flow, position.answersInForce(), "/calls/" + call.id() + "/questions/", pending);
        List<String> deciding = deciding(flow, position, views.calls().today(), question);
        Pages.render(ctx, "check.jte", new CheckPage(call.id(), rows, question, answer, title, UUID.randomUUID(), back, views.timer(call),
                rows.stream().filter(r -> deciding.contains(r.question())).toList()));
    }

    /**
     * The answers that decided the outcome: the facts tested on the way, by the branch the path took and by those
     * tried before it that did not hold (a case closed within 14 months decides a formal complaint as much as "no"
     * to resolving it now), nearest the outcome first, always with the last answer; at most three.
     */
    static List<String> deciding(Flow flow, Position position, LocalDate today, String last) {
        List<String> facts = new java.util.ArrayList<>();
        callguide.flow.Condition.Facts seen = new callguide.flow.Condition.Facts(position.answersInForce(), today, null);
        callguide.flow.Condition.Tests note = new callguide.flow.Condition.Tests() {
            public void oneOf(callguide.flow.Condition.OneOf t) {
                facts.remove(t.fact());
                facts.add(t.fact());
            }

            public void date(callguide.flow.Condition.DateTest t) {
                facts.remove(t.fact());
                facts.add(t.fact());
            }
        };
        for (String id : position.path()) {
            for (callguide.flow.Next.Branch b : flow.questions().get(id).next().branches()) {
                if (b.isFallback()) break;
                b.when().tests(note);
                if (b.when().holds(seen)) break;
            }
        }
        facts.remove(last);
        facts.add(last);
        facts.removeIf(f -> !position.answersInForce().containsKey(f));
        return facts.subList(Math.max(0, facts.size() - 3), facts.size());
    }

    public void confirm(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        String question = ctx.formParam("question"), answer = ctx.formParam("answer");
        if (question == null || answer == null) {
            Pages.error(ctx, 400, "This could not be done", "The answer to confirm was missing. Go back and answer the question again.");
            return;
        }
        try {
            views.calls().answer(call.id(), question, answer, null, QuestionPages.requestId(ctx));
        } catch (InvalidAnswer e) {
            // Only a form altered or from an older flow sends this: said in words, nothing recorded.
            Pages.error(ctx, 400, "This answer could not be recorded", "It is not one of the question's answers. Nothing was recorded: go back and answer the question again.");
            return;
        } catch (CallRefused e) {
            if (e.reason() == CallRefused.Reason.unknown_question || e.reason() == CallRefused.Reason.not_on_path) {
                Pages.error(ctx, 400, "This answer could not be recorded", "The call does not ask that question now. Nothing was recorded: go back and answer the question again.");
                return;
            }
            if (e.reason() != CallRefused.Reason.call_completed) throw e;
        }
        ctx.redirect("/calls/" + call.id() + "/outcome", HttpStatus.SEE_OTHER);
    }

}
