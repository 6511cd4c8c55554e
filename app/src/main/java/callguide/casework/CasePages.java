package callguide.casework;

import callguide.account.SignedIn;
import callguide.call.Call;
import callguide.call.CallEvent;
import callguide.call.CallService;
import callguide.flow.Flow;
import callguide.flow.IntakeRules;
import callguide.flow.Terms;
import callguide.resolution.CaseClock;
import callguide.resolution.CaseEngine;
import callguide.resolution.CaseKind;
import callguide.resolution.Field;
import callguide.resolution.MoveRefused;
import callguide.resolution.ProcessFlow;
import callguide.telephony.Telephony;
import callguide.web.Pages;
import callguide.web.PathId;
import callguide.web.Security;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The CRT's pages: the work queue, a case with its moves as forms, the team leader's approvals. */
public final class CasePages {
    public record QueuePage(List<Queue.Item> mine, List<Queue.Item> team, List<CaseDao.Waiting> waiting,
                            List<CaseRecord> placeholders, String teamFilter, String today) {}

    public record ApprovalsPage(List<Queue.Item> payments, List<Queue.Item> disputed) {}

    public record ClockRow(String title, String due, String state) {}

    public record Said(long sequence, String speaker, String text) {}

    public record CallContext(UUID callId, String flowTitle, String outcome, List<String[]> path, List<String> notes,
                              List<Said> transcript, boolean phone, String caseNote) {}

    public record CasePage(CaseRecord record, String stageTitle, boolean closed, List<ClockRow> clocks,
                           List<CaseForms.MoveForm> moves, List<LetterDrafts.Draft> letters, List<CaseHistory.Row> history,
                           CallContext call, boolean mpNotAuthenticated, List<Pages.FieldError> errors, String conflict,
                           List<Kept> kept, boolean placeholder, String iceTeamMailbox) {}

    /** A value typed for a move the case no longer offers, shown back so nothing typed is lost. */
    public record Kept(String label, String value) {}

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = callguide.config.Json.mapper();
    private final CaseService cases;
    private final CallService calls;
    private final Telephony telephony;
    private final callguide.flow.Renderer renderer;
    private final java.util.function.Function<Call, String> caseNote;

    /** {@code caseNote}: the call's case note as the handler copied it, so the team read what was recorded. */
    public CasePages(CaseService cases, CallService calls, Telephony telephony, callguide.flow.Renderer renderer,
                     java.util.function.Function<Call, String> caseNote) {
        this.caseNote = caseNote;
        this.cases = cases;
        this.calls = calls;
        this.telephony = telephony;
        this.renderer = renderer;
    }

    static Actor actor(Context ctx) {
        SignedIn who = Security.who(ctx);
        return new Actor(who.account().username(), who.account().role().name());
    }

    /** The call whose transcript a case's page streams: none for a placeholder or a case with no call. */
    public record StreamTarget(UUID callId) {}

    public StreamTarget transcriptOf(UUID caseId, Actor who) {
        CaseRecord c = cases.view(caseId, who, "transcript");
        if (c.callId() == null || c.state().kind() == CaseKind.placeholder) return null;
        return new StreamTarget(c.callId());
    }

    public void queue(Context ctx) {
        Actor me = actor(ctx);
        String team = ctx.queryParam("team");
        if (team != null && !List.of(IntakeRules.GB, IntakeRules.NI).contains(team)) team = null;
        List<CaseRecord> all = cases.all();
        String t = team;
        List<Queue.Item> mine = Queue.of(all.stream().filter(c -> me.username().equals(c.caseworker())).toList(), cases::flow, cases.today());
        List<Queue.Item> unassigned = Queue.of(all.stream().filter(c -> c.caseworker() == null && (t == null || t.equals(c.team()))).toList(),
                cases::flow, cases.today());
        List<CaseRecord> placeholders = all.stream().filter(c -> c.state().kind() == CaseKind.placeholder).toList();
        Pages.render(ctx, "cases/queue.jte", new QueuePage(mine, unassigned, cases.waitingCalls(), placeholders, team,
                cases.today().toString()));
    }

    public void approvals(Context ctx) {
        List<Queue.Item> open = Queue.of(cases.all(), cases::flow, cases.today());
        Pages.render(ctx, "cases/approvals.jte", new ApprovalsPage(
                open.stream().filter(i -> i.record().state().stage().equals("awaiting_approval")).toList(),
                open.stream().filter(i -> i.record().state().stage().equals("plan_disputed")).toList()));
    }

    public void reports(Context ctx) {
        Pages.render(ctx, "cases/reports.jte", Reports.of(cases.all(), flow(), cases.today()));
    }

    public void reportsCsv(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"crt-cases-" + cases.today() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(Reports.csv(cases.all()));
    }

    public void show(Context ctx) {
        UUID id = id(ctx);
        render(ctx, cases.get(id), null, Map.of(), Map.of(), null);
    }

    public void openFromCall(Context ctx) {
        UUID call;
        try {
            call = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            Pages.error(ctx, 404, "Page not found", "There is no such call.");
            return;
        }
        try {
            CaseRecord c = cases.takeFromCall(call, actor(ctx));
            ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
        } catch (CaseRefused e) {
            Pages.error(ctx, e.reason() == CaseRefused.Reason.unknown_call ? 404 : 422, "This call opens no case", e.getMessage());
        }
    }

    public void take(Context ctx) {
        UUID id = id(ctx);
        Actor me = actor(ctx);
        try {
            cases.assign(id, version(ctx), me.username(), me);
            ctx.redirect("/cases/" + id, HttpStatus.SEE_OTHER);
        } catch (CaseRefused e) {
            if (e.reason() != CaseRefused.Reason.stale_version) throw e;
            ctx.status(409);
            render(ctx, e.current(), null, Map.of(), Map.of(), "Someone changed this case before you took it. It is shown as it is now.");
        }
    }

    public void move(Context ctx) {
        UUID id = id(ctx);
        String move = ctx.formParam("move") == null ? "" : ctx.formParam("move");
        Map<String, String> typed = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (k.startsWith("f_") && !v.isEmpty() && !v.get(0).isBlank()) typed.put(k.substring(2), v.get(0));
        });
        CaseRecord before = cases.get(id);
        CaseEngine engine = cases.engine(before.team());
        int checks = engine.offered(before.state()).stream().filter(m -> m.id().equals(move))
                .mapToInt(m -> CaseForms.checks(engine, before.state(), m).size()).findFirst().orElse(0);
        try {
            int seen = version(ctx);
            if (ctx.formParams("done").size() < checks) {
                ctx.status(422);
                render(ctx, before, move, typed, Map.of("done", "Confirm each SR value and task is done in the other systems"), null);
                return;
            }
            cases.move(id, seen, move, typed, actor(ctx));
            ctx.redirect("/cases/" + id, HttpStatus.SEE_OTHER);
        } catch (CaseRefused e) {
            if (e.reason() != CaseRefused.Reason.stale_version) throw e;
            ctx.status(409);
            boolean offered = cases.engine(e.current().team()).offered(e.current().state()).stream().anyMatch(m -> m.id().equals(move));
            render(ctx, e.current(), move, typed, Map.of(), offered
                    ? "Someone else changed this case while you were typing. It is shown as it is now, with what you typed kept below. "
                    + "Check it still applies, then send it again."
                    : "Someone else changed this case while you were typing, and what you were recording no longer applies at its new stage. "
                    + "It is shown as it is now; what you typed is below, to use in another move or a note.",
                    offered ? List.of() : kept(before, move, typed));
        } catch (CaseMoveRefused e) {
            refusedMove(ctx, e.refusal(), e.current(), before, move, typed);
        } catch (MoveRefused e) {
            refusedMove(ctx, e, cases.get(id), before, move, typed);
        }
    }

    /** The engine's refusal as a page: {@code current} is the case it was refused on. */
    private void refusedMove(Context ctx, MoveRefused e, CaseRecord current, CaseRecord before, String move, Map<String, String> typed) {
        switch (e.reason()) {
            case move_not_allowed -> {
                ctx.status(409);
                render(ctx, current, null, Map.of(), Map.of(), "That move cannot be made now: " + e.getMessage(), kept(before, move, typed));
            }
            case forbidden -> Pages.error(ctx, 403, "Only a team leader can do this", e.getMessage());
            default -> {
                ctx.status(422);
                Map<String, String> errors = new LinkedHashMap<>();
                if (e.missing().isEmpty()) errors.put("_", e.getMessage());
                e.missing().forEach(f -> errors.put(f, e.reason() == MoveRefused.Reason.fields_missing
                        ? "Enter " + label(before, move, f) : "Check " + label(before, move, f) + ": " + e.getMessage()));
                render(ctx, before, move, typed, errors, null);
            }
        }
    }

    private String label(CaseRecord c, String move, String field) {
        CaseEngine engine = cases.engine(c.team());
        return engine.offered(c.state()).stream().filter(m -> m.id().equals(move)).findFirst()
                .flatMap(m -> engine.fields(c.state(), m).stream().filter(f -> f.id().equals(field)).findFirst())
                .map(f -> f.label().toLowerCase()).orElse(field);
    }

    /** What was typed for a move, each value under its field's label (the case has moved on, so the move is looked up by id). */
    private List<Kept> kept(CaseRecord c, String move, Map<String, String> typed) {
        CaseEngine engine = cases.engine(c.team());
        List<Field> fields = engine.flow().allMoves().stream().filter(e -> e.getValue().id().equals(move))
                .flatMap(e -> engine.fields(c.state(), e.getValue()).stream()).toList();
        List<Kept> out = new ArrayList<>();
        typed.forEach((f, v) -> out.add(new Kept(fields.stream().filter(x -> x.id().equals(f)).map(Field::label).findFirst().orElse(f), v)));
        return out;
    }

    private void render(Context ctx, CaseRecord c, String openMove, Map<String, String> typed, Map<String, String> errors, String conflict) {
        render(ctx, c, openMove, typed, errors, conflict, List.of());
    }

    private void render(Context ctx, CaseRecord c, String openMove, Map<String, String> typed, Map<String, String> errors, String conflict,
                        List<Kept> kept) {
        cases.logView(c.id(), actor(ctx), "page"); // every case page shown is a view, a refusal's included
        ProcessFlow flow = cases.flow(c.team());
        var stage = flow.stage(c.state().stage());
        List<Pages.FieldError> list = new ArrayList<>();
        errors.forEach((f, text) -> list.add(new Pages.FieldError(f.equals("_") || f.equals("done") ? "#move-" + openMove : "#" + openMove + "-" + f, text)));
        boolean mpPending = c.state().fact("parliamentary") && !c.state().fact("mp_authenticated");
        List<CaseEvent> events = cases.events(c.id());
        Pages.render(ctx, "cases/case.jte", new CasePage(c, stage == null ? "Staff conduct: no details recorded" : stage.title(),
                stage != null && stage.closes(), clocks(c), CaseForms.forms(cases.engine(c.team()), c.state(), openMove, typed, errors),
                LetterDrafts.of(flow, c, events), CaseHistory.of(flow, events), callContext(c), mpPending, list, conflict, kept,
                c.state().kind() == CaseKind.placeholder,
                c.state().fact("notify_ice_on_closure") ? renderer.iceTeamMailbox() : null));
    }

    private List<ClockRow> clocks(CaseRecord c) {
        return c.state().clocks().stream().map(k -> new ClockRow(cases.flow(c.team()).clocks().get(k.name()).title(), k.due().toString(),
                state(k))).toList();
    }

    private String state(CaseClock k) {
        if (!k.running()) return (k.met() ? "Met: stopped " : "Missed: stopped ") + k.stoppedAt();
        if (k.overdueOn(cases.today())) return "Overdue";
        return k.due().equals(cases.today()) ? "Due today" : "Running";
    }

    /** What the guided call already gathered, so the MP is not asked again; nothing on a staff-conduct call. */
    private CallContext callContext(CaseRecord c) {
        if (c.callId() == null || c.state().kind() == CaseKind.placeholder) return null;
        Call call = calls.get(c.callId());
        if (call.confidential()) return null;
        Flow flow = calls.flowOf(call);
        List<String[]> path = new ArrayList<>();
        call.answers().forEach(a -> {
            var q = flow.questions().get(a.question());
            // In the call's own terms: MLA for MP in Northern Ireland, and so on.
            var step = q == null ? null : renderer.step(q, call.answerMap());
            String prompt = step == null ? a.question() : step.prompt();
            String answer = step == null ? a.answer() : step.options().stream().filter(o -> o.id().equals(a.answer())).map(o -> o.label())
                    .findFirst().orElse(a.answer());
            path.add(new String[] {prompt, answer});
        });
        List<String> notes = calls.events(call.id()).stream().filter(e -> "note".equals(e.type()) && e.note() != null)
                .map(CallEvent::note).toList();
        List<Said> said = telephony.lines(call.id()).stream()
                .map(l -> new Said(l.sequence(), l.speaker().equals("handler") ? "Call handler" : "Caller", l.text())).toList();
        return new CallContext(call.id(), flow.title(), outcomeTitle(call), path, notes, said, call.callSid() != null, caseNote.apply(call));
    }

    /** The outcome's title as the handler saw it; its code if it was kept without one. */
    private String outcomeTitle(Call call) {
        try {
            var title = call.outcome() == null ? null : JSON.readTree(call.outcome()).get("title");
            return title == null || title.asText().isBlank() ? call.outcomeCode() : title.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return call.outcomeCode();
        }
    }

    private ProcessFlow flow() {
        return cases.flow();
    }

    /** "MP", or "MP or MLA" on a Northern Ireland team's case. */
    public static String mp(CaseRecord c) {
        return Terms.regional(IntakeRules.NI.equals(c.team())).say("{MP}");
    }

    private static UUID id(Context ctx) {
        return PathId.of(ctx, id -> new CaseRefused(CaseRefused.Reason.unknown_case, "no case " + id));
    }

    private static int version(Context ctx) {
        try {
            return Integer.parseInt(ctx.formParam("version"));
        } catch (NumberFormatException e) {
            throw new CaseRefused(CaseRefused.Reason.invalid_case, "the form has no case version; reload the page");
        }
    }
}
