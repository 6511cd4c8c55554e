package callguide.web;

import callguide.call.Call;
import callguide.call.CallRefused;
import callguide.flow.Flow;
import callguide.flow.FlowEngine;
import callguide.flow.InvalidAnswer;
import callguide.flow.Position;
import callguide.flow.Question;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** "Check your answers": the last answer is held here, unrecorded, until the handler confirms it. */
public final class CheckPages {
    public record CheckPage(UUID callId, List<CallViews.AnswerRow> answers, String question, String answer,
                            String outcomeTitle, UUID requestId, String back, CallViews.Timer timer) {}

    private final CallViews views;

    CheckPages(CallViews views) {
        this.views = views;
    }

    void show(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        String question = ctx.queryParam("question"), answer = ctx.queryParam("answer");
        Position position = reached(call, question, answer);
        if (position == null) {
            ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
            return;
        }
        Flow flow = views.calls().flowOf(call);
        String pending = new CallViews.Pending(question, answer).text();
        String title = views.renderer().terms(position.answersInForce()).say(position.outcome().title());
        String back = "/calls/" + call.id() + "/questions/" + question + "?pending=" + CallViews.encode(pending);
        Pages.render(ctx, "check.jte", new CheckPage(call.id(),
                views.rows(flow, position.answersInForce(), "/calls/" + call.id() + "/questions/", pending),
                question, answer, title, UUID.randomUUID(), back, views.timer(call)));
    }

    void confirm(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        String question = ctx.formParam("question"), answer = ctx.formParam("answer");
        if (question == null || answer == null) {
            Pages.error(ctx, 400, "This could not be done", "The answer to confirm was missing. Go back and answer the question again.");
            return;
        }
        try {
            views.calls().answer(call.id(), question, answer, null, QuestionPages.requestId(ctx));
        } catch (CallRefused e) {
            if (e.reason() != CallRefused.Reason.call_completed) throw e;
        }
        ctx.redirect("/calls/" + call.id() + "/outcome", HttpStatus.SEE_OTHER);
    }

    /** Where the answers lead with this one added, if that is an outcome; otherwise null. */
    private Position reached(Call call, String question, String answer) {
        if (call.status() == Call.Status.completed || question == null || answer == null) return null;
        Flow flow = views.calls().flowOf(call);
        Question q = flow.questions().get(question);
        LocalDate today = views.calls().today();
        Position now = FlowEngine.walk(flow, call.answerMap(), today);
        boolean reached = now.path().contains(question) || (now.question() != null && now.question().id().equals(question));
        if (q == null || !reached) return null;
        Map<String, String> after = new LinkedHashMap<>(call.answerMap());
        try {
            after.put(question, q.check(answer, today));
        } catch (InvalidAnswer e) {
            return null;
        }
        Position position = FlowEngine.walk(flow, after, today);
        return position.finished() ? position : null;
    }
}
