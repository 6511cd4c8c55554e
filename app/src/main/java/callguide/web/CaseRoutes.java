package callguide.web;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import callguide.account.Accounts;
import callguide.call.CallService;
import callguide.casework.CaseApi;
import callguide.casework.CasePages;
import callguide.casework.CaseRefused;
import callguide.casework.CaseService;
import callguide.telephony.Telephony;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/** The CRT's routes: the resolution flow, cases and their moves, and their pages. Each names who may use it. */
final class CaseRoutes {
    private CaseRoutes() {}

    /** Call inside the route table, before the intake flow routes (so /api/flows/resolution is this one). */
    static void add(CaseService cases, Accounts accounts, ObjectMapper json, CallService calls, Telephony telephony) {
        CaseAccess access = new CaseAccess(accounts);
        Security security = new Security(accounts);
        CaseApi api = new CaseApi(cases, json, access::api);
        CasePages pages = new CasePages(cases, calls, telephony);
        // resolution_caseworker, resolution_team_leader: every case route checks it before anything else.
        before("/api/cases", access::api);
        before("/api/cases/*", access::api);
        get("/api/flows/resolution", api::flow);
        post("/api/cases", api::open);
        get("/api/cases/{id}", api::show);
        post("/api/cases/{id}/moves", api::move);

        before("/", ctx -> {
            // The CRT's home is its queue.
            var who = accounts.signedIn(ctx.cookie(Security.AUTH_COOKIE));
            if (who.isPresent() && who.get().account().role().resolution()) ctx.redirect("/cases", HttpStatus.SEE_OTHER);
        });
        get("/cases", security.signedIn(crt(pages::queue)));
        get("/cases/approvals", security.signedIn(crt(pages::approvals)));
        post("/cases/from-call/{call}", security.signedIn(crt(pages::openFromCall)));
        get("/cases/{id}", security.signedIn(crt(pages::show)));
        post("/cases/{id}/take", security.signedIn(crt(pages::take)));
        post("/cases/{id}/moves/{move}", security.signedIn(crt(pages::move)));
    }

    /** A page for the CRT only; a refused case request becomes a page a person reads. */
    private static Handler crt(Handler page) {
        return ctx -> {
            if (!Security.who(ctx).account().role().resolution()) {
                Pages.error(ctx, 403, "You cannot see this page", "Only the Complaints Resolution Team works its cases.");
                return;
            }
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
