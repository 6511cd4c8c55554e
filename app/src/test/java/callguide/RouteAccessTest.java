package callguide;

import callguide.account.Role;
import callguide.support.PageSession;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import callguide.web.Access;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the route table: with no credentials, with a role the route does not name, and as another handler
 * on a call that is not theirs, every route refuses, for pages, the API and streams alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    String ownerCall;
    final Map<Access, TestApp.Client> people = new java.util.EnumMap<>(Access.class);
    final Map<Access, PageSession> browsers = new java.util.EnumMap<>(Access.class);

    @BeforeAll
    void start() {
        ownerCall = app.callAnswering("contact_route", "inbound_call");
        people.put(Access.HANDLER, app.as("h2"));
        people.put(Access.SUPERVISOR, app.as("sam", Role.supervisor));
        people.put(Access.TEAM_LEADER, app.as("tess", Role.team_leader));
        people.put(Access.CRT_CASEWORKER, app.as("casey", Role.resolution_caseworker));
        people.put(Access.CRT_TEAM_LEADER, app.as("lee", Role.resolution_team_leader));
        people.forEach((access, client) -> browsers.put(access, client.pages()));
    }

    @Test
    void every_route_names_who_may_use_it() {
        assertFalse(app.app().routes().isEmpty());
        for (Routes.Route r : app.app().routes()) {
            assertTrue(Access.among(r.roles()).anyMatch(a -> a.isPerson() || a == Access.ANYONE || a == Access.TWILIO),
                    r.method() + " " + r.path());
        }
    }

    @Test
    void assets_are_served_to_anyone_and_nothing_else_is() {
        assertEquals(200, app.anonymous().get("/static/callguide.js").status());
        assertEquals(200, app.anonymous().get("/govuk/govuk-frontend.min.css").status());
        assertEquals(404, app.anonymous().get("/static/../callguide/App.class").status());
    }

    @Test
    void a_route_with_no_role_stops_the_service_from_starting() {
        assertThrows(IllegalStateException.class, () -> Routes.refuseOpenRoute("GET", "/api/anything", Set.of()));
        assertThrows(IllegalStateException.class, () -> Routes.refuseOpenRoute("GET", "/api/calls/{id}/secrets", Set.of(Access.HANDLER)));
    }

    @TestFactory
    Stream<DynamicTest> without_credentials_every_route_refuses() {
        return routes(r -> !r.roles().contains(Access.ANYONE)).map(r -> DynamicTest.dynamicTest(r.method() + " " + r.path(), () -> {
            HttpResponse<String> res = send(r, null, null);
            if (r.roles().contains(Access.TWILIO)) {
                assertEquals(403, res.statusCode(), "an unsigned webhook");
            } else if (isApi(r)) {
                assertEquals(401, res.statusCode(), res.body());
                assertTrue(res.body().contains("\"error\":\"unauthenticated\""), res.body());
            } else {
                assertEquals(303, res.statusCode());
                assertTrue(res.headers().firstValue("Location").orElse("").startsWith("/sign-in"));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> a_role_the_route_does_not_name_is_forbidden() {
        List<DynamicTest> tests = new ArrayList<>();
        routes(r -> Access.among(r.roles()).anyMatch(Access::isPerson)).forEach(r -> {
            for (Access person : people.keySet()) {
                if (r.roles().contains(person)) continue;
                tests.add(DynamicTest.dynamicTest(person + " " + r.method() + " " + r.path(), () -> {
                    HttpResponse<String> res = send(r, people.get(person), browsers.get(person));
                    assertEquals(403, res.statusCode(), res.body());
                    if (isApi(r)) assertTrue(res.body().contains("\"error\":\"forbidden\""), res.body());
                    else assertTrue(res.body().contains("You cannot see this page"), res.body());
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> another_handlers_call_is_not_found() {
        return routes(r -> r.roles().contains(Access.OWN_CALL) && r.roles().contains(Access.HANDLER))
                .map(r -> DynamicTest.dynamicTest(r.method() + " " + r.path(), () -> {
                    HttpResponse<String> res = send(r, people.get(Access.HANDLER), browsers.get(Access.HANDLER));
                    assertEquals(404, res.statusCode(), res.body());
                }));
    }

    @TestFactory
    Stream<DynamicTest> an_id_that_names_no_call_is_not_found_and_unknown_callers_are_still_refused_first() {
        TestApp.Client owner = app.as("h1");
        PageSession ownerPages = owner.pages();
        return routes(r -> r.roles().contains(Access.OWN_CALL) && r.roles().contains(Access.HANDLER)).flatMap(r -> Stream.of(
                DynamicTest.dynamicTest("no such call: " + r.method() + " " + r.path(), () -> {
                    HttpResponse<String> res = send(r, java.util.UUID.randomUUID().toString(), owner, ownerPages);
                    assertEquals(404, res.statusCode(), res.body());
                }),
                DynamicTest.dynamicTest("not an id: " + r.method() + " " + r.path(), () -> {
                    assertEquals(404, send(r, "not-a-call", owner, ownerPages).statusCode());
                    assertEquals(isApi(r) ? 401 : 303, send(r, "not-a-call", null, null).statusCode());
                })));
    }

    @Test
    void the_owner_reads_their_own_call_and_a_supervisors_read_is_logged() {
        assertEquals(200, app.get("/api/calls/" + ownerCall + "/events").status());
        assertEquals(200, people.get(Access.SUPERVISOR).get("/api/calls/" + ownerCall + "/events").status());
        HttpResponse<String> log = browsers.get(Access.SUPERVISOR).get("/review/access-log");
        assertTrue(log.body().contains("/api/calls/{id}/events"), "the API read is in the access log");
    }

    private Stream<Routes.Route> routes(java.util.function.Predicate<Routes.Route> which) {
        return app.app().routes().stream().filter(which);
    }

    /** The API, and the event streams a page's script reads: refused in JSON (401, 403), never sent to sign in. */
    private static boolean isApi(Routes.Route r) {
        return r.path().startsWith("/api/") || r.path().endsWith("/stream") || r.path().equals("/calls/waiting");
    }

    /** The route with its path filled in, as this person: a bearer token for the API, the browser's cookie and form token for pages. */
    private HttpResponse<String> send(Routes.Route r, TestApp.Client person, PageSession browser) {
        return send(r, ownerCall, person, browser);
    }

    private HttpResponse<String> send(Routes.Route r, String callId, TestApp.Client person, PageSession browser) {
        String path = r.path().replace("{id}", callId).replace("{question}", "contact_route").replace("<path>", "x.css");
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uriOf(path));
        if (isApi(r) && person != null) b.header("Authorization", "Bearer " + person.token());
        if (!isApi(r) && browser != null) b.header("Cookie", browser.cookie);
        if (path.endsWith("/stream")) b.header("Accept", "text/event-stream");
        switch (r.method()) {
            case "GET" -> b.GET();
            case "DELETE" -> b.DELETE();
            default -> {
                boolean form = !isApi(r);
                b.header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json");
                String csrf = browser == null ? "" : browser.csrf;
                b.method(r.method(), HttpRequest.BodyPublishers.ofString(form ? "csrf=" + csrf + "&answer=inbound_call" : "{}"));
            }
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
