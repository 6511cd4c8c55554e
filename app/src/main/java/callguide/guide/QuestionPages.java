package callguide.guide;

import callguide.call.Call;
import callguide.flow.Flow;
import callguide.flow.FlowEngine;
import callguide.flow.IntakeRules;
import callguide.flow.InvalidAnswer;
import callguide.flow.Position;
import callguide.flow.Question;
import callguide.flow.Step;
import callguide.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One question per page. An answer that would reach the outcome is not recorded yet: it goes to the
 * check page first. Any other answer, new or changed, is recorded at once through the call service.
 */
public final class QuestionPages {
    /** An option as a radio: {@code suggested} marks the assistant's suggestion in the list itself. */
    public record Choice(String id, String label, int key, boolean checked, boolean suggested) {}

    public record QuestionPage(UUID callId, Step step, List<Choice> choices, AnswerForm form, List<Pages.FieldError> errors,
                               String back, UUID requestId, String pending, List<CallViews.AnswerRow> answers,
                               CallViews.Timer timer, int number, PhonePanels.TranscriptPanel transcript,
                               SuggestionPanel.View suggestion, String endError) {
        public java.util.Map<String, String> endReasons() {
            return callguide.call.CallService.END_REASONS;
        }
    }

    private final CallViews views;
    private final SuggestionPanel suggestions;

    public QuestionPages(CallViews views, SuggestionPanel suggestions) {
        this.views = views;
        this.suggestions = suggestions;
    }

    /** Where the call stands: its current question, or its outcome. */
    public void open(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        if (call.status() == Call.Status.ended) {
            Pages.error(ctx, 409, "This call was ended", "It was ended without an outcome. Go back to your calls.");
            return;
        }
        String to = call.status() == Call.Status.completed ? "/outcome" : "/questions/" + call.currentQuestion();
        ctx.redirect("/calls/" + call.id() + to, HttpStatus.SEE_OTHER);
    }

    public void show(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        Question q = askable(ctx, call);
        if (q == null) return;
        CallViews.Pending pending = pending(call, ctx.queryParam("pending"));
        String given = pending != null && pending.question().equals(q.id()) ? pending.answer() : call.answerMap().get(q.id());
        // On a phone call the panel opens with a suggestion from the caller's latest lines: said before the
        // question appeared, it is marked as earlier speech and never shown as High.
        PhonePanels.TranscriptPanel transcript = views.phone().transcript(call);
        SuggestionPanel.Heard heard = transcript == null || !suggestions.covers(q) ? SuggestionPanel.Heard.NOTHING
                : suggestions.fromTranscript(q, transcript.lines(), transcript.last());
        if (heard.found().isEmpty()) heard = SuggestionPanel.Heard.NOTHING.since(transcript == null ? -1 : transcript.last());
        render(ctx, call, q, AnswerForm.prefilled(q, given), pending, heard);
    }

    /** What the caller said, typed or from the transcript, and the suggestion for it; nothing is recorded. */
    public void suggest(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        Question q = askable(ctx, call);
        if (q == null) return;
        CallViews.Pending pending = pending(call, ctx.formParam("pending"));
        String given = pending != null && pending.question().equals(q.id()) ? pending.answer() : call.answerMap().get(q.id());
        String heard = ctx.formParam("heard");
        PhonePanels.TranscriptPanel transcript = views.phone().transcript(call);
        long since = since(ctx.formParam("since"));
        // From the live transcript when the page asks for it, or when the handler asks with nothing typed.
        boolean fromTranscript = transcript != null && ("transcript".equals(ctx.formParam("from")) || heard == null || heard.isBlank());
        SuggestionPanel.Heard found = fromTranscript ? suggestions.fromTranscript(q, transcript.lines(), since) : suggestions.ask(q, heard).since(since);
        render(ctx, call, q, AnswerForm.prefilled(q, given), pending, found);
    }

    public void answer(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        Question q = askable(ctx, call);
        if (q == null) return;
        LocalDate today = views.calls().today();
        CallViews.Pending pending = pending(call, ctx.formParam("pending"));
        AnswerForm form = AnswerForm.read(ctx, q, today);
        SuggestionPanel.Heard shown = suggestions.shown(ctx, q);
        if (form.error() != null) {
            ctx.status(422);
            render(ctx, call, q, form, pending, shown);
            return;
        }
        suggestions.record(call.id(), q, shown, form.value(), requestId(ctx));
        if (pending != null && pending.question().equals(q.id())) views.calls().changedBeforeConfirming(call.id(), q.id(), pending.answer(), form.value(), requestId(ctx));
        // Any answer given here leaves a staff-conduct "yes" that waited on the check page; check() holds again if needed.
        views.calls().keepDetails(call.id());
        if (views.calls().outcomeIfAnswered(call, q.id(), form.value()).isPresent()) {
            check(ctx, call, new CallViews.Pending(q.id(), form.value()));
            return;
        }
        if (!form.value().equals(call.answerMap().get(q.id()))) {
            views.calls().answer(call.id(), q.id(), form.value(), null, requestId(ctx));
        }
        Call now = views.calls().get(call.id());
        if (pending != null && !pending.question().equals(q.id()) && pending.question().equals(now.currentQuestion())) {
            if (views.calls().outcomeIfAnswered(now, pending.question(), pending.answer()).isPresent()) {
                check(ctx, now, pending);
                return;
            }
        }
        ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
    }

    /** Ends the call without an outcome, for a reason; the handler goes back to their list. */
    public void end(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        String reason = ctx.formParam("reason");
        if (call.status() != Call.Status.in_progress) {
            ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
            return;
        }
        if (reason == null || !callguide.call.CallService.END_REASONS.containsKey(reason)) {
            Question current = call.currentQuestion() == null ? null : views.calls().flowOf(call).questions().get(call.currentQuestion());
            ctx.status(422);
            if (current == null) {
                Pages.error(ctx, 422, "Choose why you are ending the call",
                        "The call was not ended. Go back to the call, open 'End this call without an outcome' and choose a reason.");
                return;
            }
            // The question page again, its end-call section open with the error, as any form on it would be.
            render(ctx, call, current, AnswerForm.prefilled(current, call.answerMap().get(current.id())), null,
                    SuggestionPanel.Heard.NOTHING, "Choose why you are ending the call");
            return;
        }
        views.calls().end(call.id(), reason, requestId(ctx));
        ctx.redirect("/?ended=" + call.id(), HttpStatus.SEE_OTHER);
    }

    /** The answer held back for the check page, if it is one its question takes; a crafted one is ignored. */
    private CallViews.Pending pending(Call call, String text) {
        CallViews.Pending p = CallViews.Pending.parse(text);
        Question q = p == null ? null : views.calls().flowOf(call).questions().get(p.question());
        if (q == null) return null;
        try {
            return new CallViews.Pending(q.id(), q.check(p.answer(), views.calls().today()));
        } catch (InvalidAnswer e) {
            return null;
        }
    }

    /** To the check page; a staff-conduct "yes" waiting there already keeps the call's details out (see withholdDetails). */
    private void check(Context ctx, Call call, CallViews.Pending p) {
        if (IntakeRules.confidential(p.question(), p.answer())) views.calls().withholdDetails(call.id());
        ctx.redirect("/calls/" + call.id() + "/check?question=" + CallViews.encode(p.question())
                + "&answer=" + CallViews.encode(p.answer()), HttpStatus.SEE_OTHER);
    }

    /** The question in the path, if the call has reached it; otherwise back to where the call is. */
    private Question askable(Context ctx, Call call) {
        if (call.status() == Call.Status.ended) {
            Pages.error(ctx, 409, "This call was ended", "It was ended without an outcome, so its questions can no longer be answered.");
            return null;
        }
        if (call.status() == Call.Status.completed) {
            ctx.redirect("/calls/" + call.id() + "/outcome", HttpStatus.SEE_OTHER);
            return null;
        }
        Flow flow = views.calls().flowOf(call);
        String id = ctx.pathParam("question");
        Position at = FlowEngine.walk(flow, call.answerMap(), views.calls().today());
        boolean reached = at.path().contains(id) || (at.question() != null && at.question().id().equals(id));
        if (!reached) {
            ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
            return null;
        }
        return flow.questions().get(id);
    }

    private void render(Context ctx, Call call, Question q, AnswerForm form, CallViews.Pending pending, SuggestionPanel.Heard heard) {
        render(ctx, call, q, form, pending, heard, null);
    }

    private void render(Context ctx, Call call, Question q, AnswerForm form, CallViews.Pending pending, SuggestionPanel.Heard heard,
                        String endError) {
        Flow flow = views.calls().flowOf(call);
        Map<String, String> answers = call.answerMap();
        List<String> path = FlowEngine.walk(flow, answers, views.calls().today()).path();
        Map<String, String> before = new LinkedHashMap<>();
        for (String p : path) {
            if (p.equals(q.id())) break;
            before.put(p, answers.get(p));
        }
        Step step = views.renderer().step(q, before);
        int[] key = {0};
        PhonePanels.TranscriptPanel transcript = views.phone().transcript(call);
        // The question appeared with this page: speech from before it is old, unless the panel was asked already.
        if (heard.since() < 0 && transcript != null) heard = heard.since(transcript.last());
        String suggested = heard.suggestion() == null ? null : heard.suggestion().answer();
        List<Choice> choices = step.options().stream()
                .map(o -> new Choice(o.id(), o.label(), ++key[0], o.id().equals(form.value()), o.id().equals(suggested))).toList();
        int index = path.indexOf(q.id());
        String back = index > 0 ? "/calls/" + call.id() + "/questions/" + path.get(index - 1)
                : index == -1 && !path.isEmpty() ? "/calls/" + call.id() + "/questions/" + path.get(path.size() - 1) : "/";
        if (pending != null) back = "/calls/" + call.id() + "/check?question=" + CallViews.encode(pending.question())
                + "&answer=" + CallViews.encode(pending.answer());
        String pendingText = pending == null ? null : pending.text();
        List<Pages.FieldError> errors = endError != null
                ? List.of(new Pages.FieldError("#end-" + callguide.call.CallService.END_REASONS.keySet().iterator().next(), endError))
                : form.error() == null ? List.of() : List.of(form.error());
        // htmx asks for the suggestion alone; without JavaScript the whole page comes back with it.
        String template = heard.asked() && ctx.header("HX-Request") != null ? "assist/suggestion_result.jte" : "question.jte";
        Pages.render(ctx, template, new QuestionPage(call.id(), step, choices, form, errors, back, UUID.randomUUID(),
                pendingText, views.rows(flow, answers, "/calls/" + call.id() + "/questions/", pendingText),
                views.timer(call), (index == -1 ? path.size() : index) + 1, transcript,
                suggestions.view(call.id(), q, step, heard), endError));
    }

    private static long since(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static UUID requestId(Context ctx) {
        try {
            String v = ctx.formParam("requestId");
            return v == null ? null : UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
