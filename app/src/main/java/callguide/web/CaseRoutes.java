package callguide.web;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import callguide.account.Accounts;
import callguide.casework.CaseApi;
import callguide.casework.CaseService;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The CRT's routes: the resolution flow, cases and their moves. Each names who may use it. */
final class CaseRoutes {
    private CaseRoutes() {}

    /** Call inside the route table, before the intake flow routes (so /api/flows/resolution is this one). */
    static void add(CaseService cases, Accounts accounts, ObjectMapper json) {
        CaseAccess access = new CaseAccess(accounts);
        CaseApi api = new CaseApi(cases, json, access::api);
        // resolution_caseworker, resolution_team_leader: every /api/cases route checks it before anything else.
        before("/api/cases", access::api);
        before("/api/cases/*", access::api);
        get("/api/flows/resolution", api::flow);
        post("/api/cases", api::open);
        get("/api/cases/{id}", api::show);
        post("/api/cases/{id}/moves", api::move);
    }
}
