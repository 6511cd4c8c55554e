package callguide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import callguide.account.Role;
import callguide.support.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the outcome page shows for how the contact came in: the reply's words for a letter, and a transfer only for an MP on the phone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomePageTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    TestApp app;
    String auth;

    @BeforeAll
    void start() throws Exception {
        app = TestApp.start();
        app.accounts().create("olive", Role.handler, "olive-password-1");
        HttpResponse<String> form = get("/sign-in", null);
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_form=")).findFirst().orElseThrow();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(csrf.find());
        HttpResponse<String> in = HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie.split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&next=%2F&username=olive&password="
                        + URLEncoder.encode("olive-password-1", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        auth = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_auth=")).findFirst().orElseThrow().split(";")[0];
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path));
        if (cookie != null) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Olive's call, answered to a client's referral to the Complaints Resolution Team. */
    String referral(String route) {
        String id = app.post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"olive\"}").field("/id");
        String[] answers = {"contact_route", route, "region", "gb", "caller", "client", "staff_conduct", "no", "about_cm_options", "no",
                "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "unhappy_with_bau", "bau_within_6_months", "yes", "mp_raised", "no"};
        for (int i = 0; i < answers.length; i += 2) assertEquals(200, app.answer(id, answers[i], answers[i + 1]).status(), answers[i]);
        assertEquals("REFER_RESOLUTION_TEAM", app.get("/api/calls/" + id).field("/outcome/code"));
        return id;
    }

    @Test
    void a_written_contact_shows_what_to_put_in_the_reply_and_the_case_note_never_says_told_the_caller() throws Exception {
        String id = referral("written");
        HttpResponse<String> page = get("/calls/" + id + "/outcome", auth);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("What to put in the reply"), "the heading for a letter");
        assertFalse(page.body().contains("What to say to the caller"));
        String note = app.get("/api/calls/" + id + "/summary").field("/caseNote");
        assertTrue(note.contains("Put in the reply: "), note);
        assertFalse(note.contains("Told the caller"), note);
    }

    @Test
    void a_client_referred_to_the_resolution_team_by_phone_is_offered_no_transfer() throws Exception {
        String id = referral("inbound_call");
        HttpResponse<String> page = get("/calls/" + id + "/outcome", auth);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("What to say to the caller"));
        assertFalse(page.body().contains("id=\"warm-transfer\""), "the team calls the client back; no transfer panel");
        assertFalse(page.body().contains("start-transfer"));
        assertTrue(app.get("/api/calls/" + id + "/summary").field("/caseNote").contains("Told the caller: "));
    }
}
