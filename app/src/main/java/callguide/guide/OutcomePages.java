package callguide.guide;

import callguide.assist.CaseNotes;
import callguide.assist.CaseSummaries;
import callguide.call.Call;
import callguide.call.CallEvent;
import callguide.flow.Flow;
import callguide.flow.IntakeRules;
import callguide.flow.Outcome;
import callguide.flow.Source;
import callguide.review.Titles;
import callguide.web.Pages;
import callguide.web.UkTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.UUID;

/** The outcome: what to do, what to say, the case note; and notes, except on a staff-conduct complaint. */
public final class OutcomePages {
    public static final int MAX_NOTE = 10_000;

    public record Note(String at, String text) {}

    public record Notes(UUID callId, List<Note> notes, String text, List<Pages.FieldError> errors, UUID requestId) {}

    /**
     * {@code caseNote} is the guided path's; {@code summary} is a chat model's as kept, when one is configured
     * (null otherwise, and on a staff-conduct call); {@code written}: the contact came in writing, so the words
     * go in the reply rather than being said.
     */
    public record OutcomePage(UUID callId, Outcome outcome, boolean confidential, String caseNote, CaseSummaries.Summary summary, String started,
                              String duration, Notes notes, PhonePanels.TranscriptPanel transcript, PhonePanels.TransferPanel transfer,
                              boolean written, java.util.Set<Integer> ticked, List<String> flags) {
        public boolean ticked(int item) {
            return ticked.contains(item);
        }

        /** A deadline was counted past the known bank holidays: the page warns, and says how to put it right. */
        public boolean approximateDeadlines() {
            return outcome.deadlines().stream().anyMatch(Outcome.Deadline::approximate);
        }
    }

    private final CallViews views;
    private final ObjectMapper json;
    private final CaseNotes caseNotes;
    private final Titles titles;

    public OutcomePages(CallViews views, ObjectMapper json, CaseNotes caseNotes, Titles titles) {
        this.views = views;
        this.json = json;
        this.caseNotes = caseNotes;
        this.titles = titles;
    }

    public void show(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        if (call.status() != Call.Status.completed) {
            ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, call, notes(call, "", List.of()), null);
    }

    public void addNote(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        if (call.status() != Call.Status.completed) { // the form is the outcome page's; a call without one has no page to show it on
            ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
            return;
        }
        String text = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        String problem = text.isEmpty() ? "Enter a note" : text.length() > MAX_NOTE ? "A note must be " + MAX_NOTE + " characters or fewer" : null;
        if (problem == null) views.calls().note(call.id(), text, QuestionPages.requestId(ctx));
        Notes notes = problem == null ? notes(call, "", List.of()) : notes(call, text, List.of(new Pages.FieldError("#note", problem)));
        if (problem != null) ctx.status(422);
        if (ctx.header("HX-Request") != null) {
            ctx.render("notes.jte", java.util.Map.of(Pages.CHROME, Pages.chrome(ctx), "notes", notes));
        } else if (problem == null) {
            ctx.redirect("/calls/" + call.id() + "/outcome#notes", HttpStatus.SEE_OTHER);
        } else {
            render(ctx, call, notes, null);
        }
    }

    /**
     * The checklist's ticks, sent whole: with JavaScript on each change (204), without it by its button.
     * Each change is kept as a call event, so a reload or a search shows the same ticks.
     */
    public void tick(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        if (call.status() != Call.Status.completed) {
            ctx.redirect("/calls/" + call.id(), HttpStatus.SEE_OTHER);
            return;
        }
        java.util.Set<Integer> ticked = new java.util.HashSet<>();
        for (String v : ctx.formParams("action")) {
            try {
                ticked.add(Integer.parseInt(v.strip()));
            } catch (NumberFormatException ignored) {
                // not an item number: nothing to tick
            }
        }
        views.calls().tick(call.id(), ticked, outcome(call).actions().size());
        if (ctx.header("X-Requested-With") != null || ctx.header("HX-Request") != null) ctx.status(204);
        else ctx.redirect("/calls/" + call.id() + "/outcome#checklist", HttpStatus.SEE_OTHER);
    }

    /** The outcome page; {@code transferProblem} says why the handler's transfer request was refused, if it was. */
    public void render(Context ctx, Call call, String transferProblem) {
        render(ctx, call, notes(call, "", List.of()), transferProblem);
    }

    /**
     * The chat model's summary alone, for the outcome page to fetch while it is being written: the summary, the
     * same "being written" panel again, or nothing once the model has given none. It never waits for the model.
     */
    public void summary(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        CaseSummaries.Summary summary = call.status() == Call.Status.completed ? caseNotes.summary(call) : null;
        ctx.header("Cache-Control", "no-store");
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("callId", call.id());
        model.put("summary", summary); // null: nothing to show, so the panel goes
        ctx.render("assist/summary.jte", model);
    }

    private void render(Context ctx, Call call, Notes notes, String transferProblem) {
        Outcome outcome = outcome(call);
        boolean confidential = call.confidential();
        Pages.render(ctx, "outcome.jte", new OutcomePage(call.id(), outcome, confidential,
                confidential ? null : caseNotes.caseNote(call), confidential ? null : caseNotes.summary(call),
                UkTime.time(call.startedAt()), views.timer(call).elapsed(), notes, views.phone().transcript(call),
                views.phone().transfer(call, transferProblem), IntakeRules.written(call.answerMap()),
                callguide.call.CallService.ticks(views.calls().events(call.id())),
                outcome.flags().stream().map(titles::flag).toList()));
    }

    private Notes notes(Call call, String text, List<Pages.FieldError> errors) {
        List<Note> list = views.calls().events(call.id()).stream().filter(e -> e.is(CallEvent.Type.note) && e.note() != null)
                .map(e -> new Note(UkTime.time(e.at()), e.note())).toList();
        return new Notes(call.id(), list, text, errors, UUID.randomUUID());
    }

    Outcome outcome(Call call) {
        try {
            Outcome o = json.readValue(call.outcome(), Outcome.class);
            // An outcome reached before flows named their documents is shown with the names its flow now has.
            if (o.sources().stream().allMatch(Source::named)) return o;
            Flow flow = views.calls().flowOf(call);
            return o.withSources(o.sources().stream().map(flow::named).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored outcome of call " + call.id() + " is not readable", e);
        }
    }
}
