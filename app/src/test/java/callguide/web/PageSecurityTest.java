package callguide.web;

import callguide.account.Role;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages over plain HTTP, as a browser without JavaScript sees them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSecurityTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    String base;

    @BeforeAll
    void start() {
        app.accounts()
                .create("carol", Role.handler, "carol-password-1");
        base = app.base();
    }

    @Test
    void pages_and_the_api_need_a_sign_in_and_carry_the_security_headers() throws Exception {
        HttpResponse<String> home = get("/", null);
        assertEquals(303, home.statusCode());
        assertEquals("/sign-in?next=%2F", home.headers().firstValue("Location").orElse(""));
        String csp = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
        TestApp.Response api = app.anonymous().post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h1\"}");
        assertEquals(401, api.status());
        assertEquals("unauthenticated", api.field("/error"));
        assertEquals("no-store", api.raw().headers().firstValue("Cache-Control").orElse(""));
        assertEquals(201, app.post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h1\"}").status());
    }

    @Test
    void a_wrong_password_is_refused_and_a_right_one_gives_an_http_only_same_site_cookie() throws Exception {
        assertEquals(401, signIn("carol", "not-the-password").statusCode());
        HttpResponse<String> ok = signIn("carol", "carol-password-1");
        assertEquals(303, ok.statusCode());
        String cookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_auth=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void a_form_without_its_token_records_nothing_and_a_full_call_works_without_javascript() throws Exception {
        String auth = authCookie(signIn("carol", "carol-password-1"));
        HttpResponse<String> forged = post("/calls", "", auth);
        assertEquals(403, forged.statusCode());
        String csrf = token(get("/", auth).body(), "name=\"csrf-token\" content=\"([^\"]+)\"");
        String call = post("/calls", "csrf=" + csrf, auth).headers().firstValue("Location").orElseThrow();
        String q = call + "/questions/";
        assertEquals(422, post(q + "contact_route", "csrf=" + csrf, auth).statusCode(), "no answer chosen");
        assertTrue(get(q + "contact_route", auth).body().contains("How has this reached us?"));
        for (String[] a : new String[][] {{"contact_route", "answer=inbound_call"}, {"region", "answer=gb"},
                {"caller", "answer=client"}, {"staff_conduct", "answer=no"}, {"about_cm_options", "answer=no"},
                {"case_closed_on", "answer-day=31&answer-month=2&answer-year=2025"}}) {
            HttpResponse<String> r = post(q + a[0], "csrf=" + csrf + "&" + a[1], auth);
            if (a[0].equals("case_closed_on")) {
                assertEquals(422, r.statusCode());
                assertTrue(r.body().contains("The date must be a real date"));
            } else {
                assertEquals(303, r.statusCode(), a[0]);
            }
        }
        assertEquals(303, post(q + "case_closed_on", "csrf=" + csrf + "&answer-empty=yes", auth).statusCode());
        assertTrue(app.reviewer().get("/api/calls/" + call.substring(call.lastIndexOf('/') + 1)).text().contains("\"question\":\"case_closed_on\",\"answer\":\"\""));
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        HttpResponse<String> form = get("/sign-in", null);
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_form=")).findFirst().orElseThrow();
        String csrf = token(form.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie.split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&next=/&username=" + user + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String authCookie(HttpResponse<String> signedIn) {
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_auth="))
                .findFirst().orElseThrow().split(";")[0];
    }

    private static String token(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), "no token in the page");
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
