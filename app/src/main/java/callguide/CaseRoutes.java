package callguide;

import callguide.call.CallService;
import callguide.casework.Actor;
import callguide.casework.CaseApi;
import callguide.casework.CasePages;
import callguide.casework.CaseRefused;
import callguide.casework.CaseService;
import callguide.telephony.Telephony;
import callguide.web.Access;
import callguide.web.ApiError;
import callguide.web.Pages;
import callguide.web.PathId;
import callguide.web.Security;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.UUID;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

/** The Complaints Resolution Team's part of the route table: the resolution flow, cases, moves and their pages. */
final class CaseRoutes {
    static final Access[] CRT = {Access.CRT_CASEWORKER, Access.CRT_TEAM_LEADER};

    private CaseRoutes() {}

    /** Called inside the route table, before the intake flow routes (so /api/flows/resolution is this one). */
    static CasePages add(CaseService cases, ObjectMapper json, CallService calls, Telephony telephony, callguide.flow.Renderer renderer,
                         java.util.function.Function<callguide.call.Call, String> caseNote) {
        CaseApi api = new CaseApi(cases, json, CaseRoutes::actor);
        CasePages pages = new CasePages(cases, calls, telephony, renderer, caseNote);
        get("/api/flows/resolution", api::flow, Access.HANDLER, Access.SUPERVISOR, Access.TEAM_LEADER, Access.CRT_CASEWORKER,
                Access.CRT_TEAM_LEADER);
        path("/api/cases", () -> {
            post(api::open, CRT);
            get("/{id}", api::show, CRT);
            post("/{id}/moves", api::move, CRT);
            // The linked call's live transcript, for the CRT member who took the warm transfer.
            get("/{id}/transcript/stream", ctx -> {
                UUID id = caseId(ctx);
                CasePages.StreamTarget target = api.refusals(ctx, id, () -> pages.transcriptOf(id, actor(ctx)));
                if (target == null) throw new ApiError(404, "unknown_case", "no live transcript for case " + ctx.pathParam("id"));
                telephony.transcriptStream(target.callId(), ctx);
            }, CRT);
        });
        path("/cases", () -> {
            get(page(pages::queue), CRT);
            get("/approvals", page(pages::approvals), Access.CRT_TEAM_LEADER);
            get("/reports", page(pages::reports), CRT);
            get("/reports.csv", page(pages::reportsCsv), CRT);
            post("/from-call/{id}", page(pages::openFromCall), CRT);
            get("/{id}", page(pages::show), CRT);
            post("/{id}/take", page(pages::take), CRT);
            post("/{id}/moves", page(pages::move), CRT);
        });
        return pages;
    }

    /** The home page: the CRT's is its queue; everyone else's is their calls. */
    static Handler home(Handler calls, Handler queue) {
        return ctx -> {
            if (Security.who(ctx).account().role().resolution()) queue.handle(ctx);
            else calls.handle(ctx);
        };
    }

    private static UUID caseId(Context ctx) {
        return PathId.of(ctx, id -> new ApiError(404, "unknown_case", "no case " + id));
    }

    static Actor actor(Context ctx) {
        var who = Security.who(ctx);
        return new Actor(who.account().username(), who.account().role().name());
    }

    /** A refused case request becomes a page a person reads. */
    private static Handler page(Handler page) {
        return ctx -> {
            try {
                page.handle(ctx);
            } catch (CaseRefused e) {
                switch (e.reason()) {
                    case unknown_case, unknown_call -> Pages.error(ctx, 404, "Page not found", "There is no such case.");
                    default -> Pages.error(ctx, 400, "This could not be done", e.getMessage());
                }
            }
        };
    }
}
