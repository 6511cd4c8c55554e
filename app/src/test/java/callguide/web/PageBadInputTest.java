package callguide.web;

import callguide.account.Accounts;
import callguide.account.Role;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crafted links and form fields on the pages: each gets an error page or summary, never a 500, and records nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBadInputTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String LINE = "queue:handlers";
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    String base;
    Person erin;
    Person sam;

    record Person(String auth, String csrf) {}

    @BeforeAll
    void start() throws Exception {
        Accounts accounts = app.accounts();
        accounts.create("erin", Role.handler, "erin-password-1");
        accounts.create("sam", Role.supervisor, TestApp.Client.password("sam"));
        base = app.base();
        erin = signedIn("erin", "erin-password-1");
        sam = signedIn("sam", TestApp.Client.password("sam"));
    }

    /** "Call ended" is said only of the handler's own call that has ended, not of any address that asks for it. */
    @Test
    void the_call_ended_banner_needs_a_call_of_theirs_that_has_ended() throws Exception {
        for (String ended : new String[] {"yes", "", UUID.randomUUID().toString(), "------------------------------------"}) {
            HttpResponse<String> r = get("/?ended=" + enc(ended), erin);
            assertEquals(200, r.statusCode(), ended);
            assertFalse(r.body().contains("id=\"call-ended\""), ended);
        }
    }

    @Test
    void after_sign_in_only_a_path_on_this_service_is_followed() throws Exception {
        for (String next : new String[] {"/\t/evil.example", "/\n/evil.example", "/\\evil.example", "//evil.example",
                "https://evil.example/", "evil.example", "/ /evil.example"}) {
            HttpResponse<String> r = signIn("erin", "erin-password-1", next);
            assertEquals(303, r.statusCode(), next);
            assertEquals("/", r.headers().firstValue("Location").orElse(""), next);
        }
        HttpResponse<String> nul = signIn("erin", "erin-password-1", "/\u0000/evil.example");
        assertEquals(400, nul.statusCode(), "a NUL in any field is refused before sign-in is tried");
        assertTrue(nul.body().contains("govuk-error-summary"));
        assertEquals("/review?from=2026-11-01", signIn("erin", "erin-password-1", "/review?from=2026-11-01")
                .headers().firstValue("Location").orElse(""));
        assertFalse(get("/sign-in?next=" + enc("/\t/evil.example"), null).body().contains("evil.example"), "not carried in the form");
    }

    @Test
    void a_password_longer_than_72_bytes_is_a_wrong_password_and_cannot_be_set() throws Exception {
        HttpResponse<String> r = signIn("erin", "x".repeat(100), "/");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("govuk-error-summary") && r.body().contains("Enter a correct username and password"));
        Accounts accounts = app.accounts();
        for (String password : new String[] {"y".repeat(73), "é".repeat(40)}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> accounts.create("frank", Role.handler, password));
            assertTrue(e.getMessage().contains("72 bytes"), e.getMessage());
        }
        assertEquals(401, signIn("frank", "y".repeat(73), "/").statusCode(), "no account was made");
        accounts.create("frank", Role.handler, "z".repeat(72));
        assertEquals(303, signIn("frank", "z".repeat(72), "/").statusCode(), "72 bytes is allowed");
    }

    @Test
    void a_crafted_pending_answer_is_ignored_rather_than_breaking_the_question_page() throws Exception {
        String call = callAtTheClosedOnQuestion();
        for (String pending : new String[] {"case_closed_on=xyz", "case_closed_on=2026-13-45", "case_closed_on=2999-01-01", "nonsense=1"}) {
            HttpResponse<String> page = get(call + "/questions/case_closed_on?pending=" + enc(pending), erin);
            assertEquals(200, page.statusCode(), pending);
            assertTrue(page.body().contains("name=\"answer-year\""), pending);
            assertFalse(page.body().contains("2999"), "an impossible pending answer is not put in the form");
        }
        assertEquals(6, events(call), "nothing recorded");
    }

    @Test
    void a_year_must_be_four_digits() throws Exception {
        String call = callAtTheClosedOnQuestion();
        for (String year : new String[] {"-001", "+202", "20a5", "１９９９"}) {
            HttpResponse<String> r = post(call + "/questions/case_closed_on",
                    "answer-day=1&answer-month=2&answer-year=" + enc(year), erin);
            assertEquals(422, r.statusCode(), year);
            assertTrue(r.body().contains("govuk-error-summary") && r.body().contains("Year must include 4 numbers"), year);
        }
        HttpResponse<String> old = post(call + "/questions/case_closed_on", "answer-day=1&answer-month=2&answer-year=1899", erin);
        assertEquals(422, old.statusCode());
        assertTrue(old.body().contains("govuk-error-summary") && old.body().contains("1900 or later"));
        assertEquals(6, events(call), "nothing recorded");
    }

    @Test
    void confirming_without_a_question_is_a_400_page_and_records_nothing() throws Exception {
        String call = callAtTheClosedOnQuestion();
        for (String form : new String[] {"", "answer=", "question=case_closed_on", "question=nope&answer=x",
                "question=case_closed_on&answer=xyz"}) {
            HttpResponse<String> r = post(call + "/check", form, erin);
            assertEquals(400, r.statusCode(), form);
            assertTrue(r.body().contains("govuk-heading-l"), "an error page");
            assertFalse(r.body().contains("expected one of") || r.body().contains("case_closed_on"), "in words, not ids: " + form);
        }
        assertEquals(6, events(call), "nothing recorded");
    }

    @Test
    void a_review_date_outside_1900_to_2200_is_a_filter_error() throws Exception {
        for (String from : new String[] {"+999999999-12-31", "-0001-01-01", "0999-01-01", "2201-01-01", "1/1/99999", "1/1/0099", "31/2/2026"}) {
            HttpResponse<String> r = get("/review?from=" + enc(from), sam);
            assertEquals(400, r.statusCode(), from);
            assertTrue(r.body().contains("govuk-error-summary") && r.body().contains("Enter 'Started from' as a real date between 1900 and 2200"), from);
        }
        assertEquals(200, get("/review?from=1900-01-01&to=" + enc("31/12/2200"), sam).statusCode());
    }

    @Test
    void a_review_date_error_is_on_its_field_and_dates_come_back_as_typed() throws Exception {
        HttpResponse<String> bad = get("/review?from=" + enc("31/2/2026"), sam);
        assertTrue(bad.body().contains("id=\"from-error\" class=\"govuk-error-message\""), "the error message is on the field");
        assertTrue(bad.body().contains("govuk-input--error\" id=\"from\""), "the field is marked");
        assertTrue(bad.body().contains("value=\"31/2/2026\""), "the date comes back as typed");
        HttpResponse<String> good = get("/review?from=2026-11-01", sam);
        assertTrue(good.body().contains("id=\"from\" name=\"from\" type=\"text\" aria-describedby=\"from-hint\" value=\"01/11/2026\""),
                "a date from a link is shown back as dd/mm/yyyy");
        HttpResponse<String> typed = get("/review?from=" + enc("3/11/2026"), sam);
        assertEquals(200, typed.statusCode(), "a good date");
        assertFalse(typed.body().contains("govuk-error-summary"));
        assertTrue(typed.body().contains("value=\"3/11/2026\""), "a good date typed in the UK way is shown back as typed");
    }

    @Test
    void the_csv_export_refuses_a_bad_filter_instead_of_exporting_everything() throws Exception {
        app.callAnswering("contact_route", "inbound_call");
        HttpResponse<String> r = get("/review/calls.csv?from=abc", sam);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("from"), r.body());
        assertFalse(r.body().contains("inbound_call") || r.headers().firstValue("Content-Disposition").isPresent(), "nothing exported");
        assertEquals(200, get("/review/calls.csv?from=2026-11-01", sam).statusCode());
    }

    @Test
    void only_a_handler_takes_a_waiting_call_and_only_while_it_is_in_progress() throws Exception {
        TestApp.Client supervisor = app.reviewer();
        String waiting = app.phoneCallWaiting();
        HttpResponse<String> bySupervisor = post("/calls/" + waiting + "/take", "", sam);
        assertEquals(403, bySupervisor.statusCode());
        assertTrue(bySupervisor.body().contains("govuk-heading-l"));
        assertEquals(LINE, supervisor.get("/api/calls/" + waiting).field("/handler"), "still waiting on the line");

        String finished = app.phoneCallWaiting();
        TestApp.Client h1 = app.as("h1");
        assertEquals(200, h1.post("/api/calls/" + finished + "/take", "").status());
        String[] toOutcome = {"region", "gb", "caller", "client", "staff_conduct", "no", "about_cm_options", "no", "case_closed_on", "",
                "challenges_decision", "no", "effective_date_challenge", "no", "existing_complaint", "none", "mp_raised", "no", "resolvable_now", "no"};
        for (int i = 0; i < toOutcome.length; i += 2) assertEquals(200, h1.answer(finished, toOutcome[i], toOutcome[i + 1]).status());
        assertEquals("completed", supervisor.get("/api/calls/" + finished).field("/status"));
        HttpResponse<String> late = post("/calls/" + finished + "/take", "", erin);
        assertEquals(409, late.statusCode());
        assertTrue(late.body().contains("This call has already ended"), "every handler saw it waiting, so may be told");
        assertEquals("h1", supervisor.get("/api/calls/" + finished).field("/handler"));

        HttpResponse<String> taken = post("/calls/" + waiting + "/take", "", erin);
        assertEquals(303, taken.statusCode());
        assertEquals("erin", supervisor.get("/api/calls/" + waiting).field("/handler"));
    }

    /** A call of erin's, answered through the pages up to the date the case closed. */
    private String callAtTheClosedOnQuestion() throws Exception {
        String call = post("/calls", "", erin).headers().firstValue("Location").orElseThrow();
        for (String[] a : new String[][] {{"contact_route", "inbound_call"}, {"region", "gb"}, {"caller", "client"},
                {"staff_conduct", "no"}, {"about_cm_options", "no"}}) {
            assertEquals(303, post(call + "/questions/" + a[0], "answer=" + a[1], erin).statusCode(), a[0]);
        }
        assertEquals(6, events(call));
        return call;
    }

    private int events(String call) {
        return app.reviewer().get("/api/calls/" + call.substring(call.lastIndexOf('/') + 1) + "/events").json().size();
    }

    private Person signedIn(String user, String password) throws Exception {
        String auth = signIn(user, password, "/").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("callguide_auth=")).findFirst().orElseThrow().split(";")[0];
        return new Person(auth, token(get("/", new Person(auth, null)).body(), "name=\"csrf-token\" content=\"([^\"]+)\""));
    }

    private HttpResponse<String> signIn(String user, String password, String next) throws Exception {
        HttpResponse<String> form = get("/sign-in", null);
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_form=")).findFirst().orElseThrow();
        String csrf = token(form.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie.split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&next=" + enc(next) + "&username=" + enc(user)
                        + "&password=" + enc(password))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), "no token in the page");
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, Person who) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (who != null) b.header("Cookie", who.auth());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, Person who) throws Exception {
        String body = "csrf=" + who.csrf() + (form.isEmpty() ? "" : "&" + form);
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", who.auth())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
