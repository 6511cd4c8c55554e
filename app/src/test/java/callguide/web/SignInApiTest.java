package callguide.web;

import callguide.account.Role;
import callguide.support.MovableClock;
import callguide.support.PageSession;
import callguide.support.RunningApp;
import callguide.support.TestApp.Response;
import callguide.support.TestApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in to the API, ending a sign-in, the lock after wrong passwords, and cross-site posts with a browser's cookie. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInApiTest {
    static final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));
    @RegisterExtension
    static final RunningApp app = RunningApp.start(Map.of(), clock);

    @BeforeAll
    void start() {
        app.accounts().create("olive", Role.handler, "olive-password-1");
        app.accounts().create("percy", Role.handler, "percy-password-1");
    }

    Response signIn(String username, String password) {
        return app.anonymous().post("/api/sessions", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    Response withToken(String method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uriOf(path)).header("Authorization", "Bearer " + token);
        b.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"flow\":\"intake\"}") : HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) b.header("Content-Type", "application/json");
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body().isEmpty() ? "{}" : r.body()), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_token_opens_the_api_until_the_sign_in_is_ended() {
        Response r = signIn("olive", "olive-password-1");
        assertEquals(201, r.status(), r.text());
        assertEquals("handler", r.field("/role"));
        assertNotNull(Instant.parse(r.field("/expiresAt")));
        assertEquals("no-store", r.raw().headers().firstValue("Cache-Control").orElse(""));
        String token = r.field("/token");
        Response call = withToken("POST", "/api/calls", token);
        assertEquals(201, call.status(), call.text());
        assertEquals(200, withToken("GET", "/api/calls/" + call.field("/id"), token).status());
        assertEquals(204, withToken("DELETE", "/api/sessions", token).status());
        Response after = withToken("GET", "/api/calls/" + call.field("/id"), token);
        assertEquals(401, after.status());
        assertEquals("unauthenticated", after.field("/error"));
        assertEquals(401, withToken("GET", "/api/flows", "not-a-token").status());
    }

    @Test
    void the_sixth_wrong_password_is_locked_out_even_when_right_until_the_window_passes() {
        for (int i = 0; i < 5; i++) {
            Response wrong = signIn("percy", "not-percys-password");
            assertEquals(401, wrong.status());
            assertEquals("unauthenticated", wrong.field("/error"));
        }
        Response locked = signIn("percy", "not-percys-password");
        assertEquals(429, locked.status());
        long retry = Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry > 14 * 60 && retry <= 15 * 60, "Retry-After " + retry);
        assertEquals(429, signIn("percy", "percy-password-1").status(), "the right password is refused during the lock");
        assertEquals(201, signIn("olive", "olive-password-1").status(), "another username is not locked");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(201, signIn("percy", "percy-password-1").status(), "unlocked once the window has passed");
    }

    @Test
    void the_sign_in_page_says_so_in_words_when_locked() {
        app.accounts().create("quinn", Role.handler, "quinn-password-1");
        for (int i = 0; i < 5; i++) assertEquals(401, signIn("quinn", "wrong-password-" + i).status());
        HttpResponse<String> page = formSignIn("quinn", "quinn-password-1");
        assertEquals(429, page.statusCode());
        assertTrue(page.body().contains("govuk-error-summary") && page.body().contains("wrong password too many times"), page.body());
        assertTrue(page.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void a_cross_site_post_with_the_browsers_cookie_and_no_token_records_nothing_whatever_its_body() {
        TestApp.Client olive = app.as("olive-two");
        String id = olive.callAnswering("contact_route", "inbound_call");
        PageSession browser = olive.pages();
        int events = olive.get("/api/calls/" + id + "/events").json().size();
        for (String path : new String[] {"/api/calls/" + id + "/warm-transfer", "/api/calls/" + id + "/warm-transfer/complete",
                "/api/calls/" + id + "/notes", "/api/calls/" + id + "/answers"}) {
            HttpResponse<String> empty = browser.postRaw(path, null, "");
            assertEquals(403, empty.statusCode(), path + " " + empty.body());
            HttpResponse<String> form = browser.postRaw(path, "text/plain", "{\"text\":\"forged\"}");
            assertEquals(403, form.statusCode(), path);
        }
        assertEquals(403, browser.postRaw("/calls/" + id + "/notes", "application/x-www-form-urlencoded", "text=forged").statusCode());
        assertEquals(events, olive.get("/api/calls/" + id + "/events").json().size(), "nothing recorded");
        assertFalse(olive.get("/api/calls/" + id + "/events").text().contains("forged"));

        HttpResponse<String> ownScript = send(HttpRequest.newBuilder(app.uriOf("/api/calls/" + id + "/notes"))
                .header("Cookie", browser.cookie).header("X-CSRF-Token", browser.csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Caller asked for a call back\"}")).build());
        assertEquals(201, ownScript.statusCode(), "the pages' own scripts send the token: " + ownScript.body());
    }

    private HttpResponse<String> formSignIn(String username, String password) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(app.uriOf("/sign-in")).build());
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_form=")).findFirst().orElseThrow().split(";")[0];
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(m.find());
        return send(HttpRequest.newBuilder(app.uriOf("/sign-in")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + m.group(1) + "&next=/&username=" + username + "&password=" + password)).build());
    }

    private static HttpResponse<String> send(HttpRequest r) {
        try {
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
