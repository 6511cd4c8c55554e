package callguide.bench;

import callguide.account.Role;
import callguide.config.Config;
import callguide.support.RunningApp;
import callguide.web.UkTime;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated calls through the supervisors' pages: every call once whichever way it is paged, counts kept as calls complete. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAtScaleTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern ROW = Pattern.compile("data-call=\"([0-9a-f-]{36})\"");
    private static final Pattern NEXT = Pattern.compile("href=\"(/review\\?[^\"]*)\"[^>]*rel=\"next\"");
    private static final Pattern PREV = Pattern.compile("href=\"(/review\\?[^\"]*)\"[^>]*rel=\"prev\"");
    private static final int CALLS = 260;
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    String cookie;

    @BeforeAll
    void start() throws Exception {
        Generate.run(app.app().database(), Config.from(Map.of()), CALLS, 14, 3, 2, LocalDate.now(UkTime.ZONE));
        app.accounts().create("sam", Role.supervisor, "sam-password-1");
        HttpResponse<String> form = send("/sign-in", null);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(csrf.find());
        String formCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + "/sign-in"))
                .header("Cookie", formCookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=sam&password=sam-password-1&next=%2Freview&csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode());
        cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_auth=")).findFirst()
                .orElseThrow().split(";", 2)[0];
    }

    @Test
    void paging_by_next_and_previous_shows_every_call_once_and_the_same_pages_as_their_numbers() throws Exception {
        long calls = calls();
        assertTrue(calls >= CALLS);
        for (String sort : List.of("sort=started&dir=desc", "sort=handler&dir=asc", "sort=status&dir=desc", "sort=outcome&dir=asc",
                "sort=outcome&dir=desc", "sort=duration&dir=desc", "sort=duration&dir=asc")) {
            List<String> seen = new ArrayList<>();
            String path = "/review?" + sort;
            String last = path;
            for (int page = 1; path != null; page++) {
                String body = send(path, cookie).body();
                List<String> rows = rows(body);
                assertEquals(rows(send("/review?" + sort + (page > 1 ? "&page=" + page : ""), cookie).body()), rows, sort + " page " + page);
                seen.addAll(rows);
                last = path;
                path = link(NEXT, body);
            }
            assertEquals(calls, seen.size(), sort);
            assertEquals(calls, new HashSet<>(seen).size(), sort + ": each call once");
            String back = link(PREV, send(last, cookie).body());
            long pages = (calls + 24) / 25;
            assertEquals(rows(send("/review?" + sort + "&page=" + (pages - 1), cookie).body()), rows(send(back, cookie).body()), sort + " previous");
        }
        assertEquals(200, send("/review?page=3&after=not-a-cursor", cookie).statusCode(), "a cursor that cannot be read is ignored");
    }

    @Test
    void insights_count_each_call_as_it_completes_and_the_export_has_every_call() throws Exception {
        long completed = app.app().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM calls WHERE status = 'completed'").mapTo(Long.class).one());
        assertEquals(completed, completedShown("all"));
        app.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "none", "mp_raised", "no", "resolvable_now", "no");
        assertEquals(completed + 1, completedShown("all"));
        assertTrue(completedShown("365") <= completed + 1 && completedShown("30") <= completedShown("365"));
        String csv = send("/review/calls.csv", cookie).body();
        assertEquals(calls() + 1, csv.split("\r\n").length, "a header and every call");
    }

    @Test
    void the_counts_kept_as_calls_complete_equal_a_count_of_the_calls_themselves() {
        app.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "none", "mp_raised", "no", "resolvable_now", "yes");
        String month = "date_trunc('month', c.started_at AT TIME ZONE 'Europe/London')::date";
        String seconds = "round(EXTRACT(EPOCH FROM c.completed_at - c.started_at))::int";
        Map<String, String> recounts = Map.of(
                "SELECT month, handler_id, outcome_code, calls FROM call_month_outcomes",
                "SELECT " + month + ", c.handler_id, c.outcome_code, count(*) FROM calls c WHERE c.status = 'completed' GROUP BY 1, 2, 3",
                "SELECT month, handler_id, seconds, calls FROM call_month_durations",
                "SELECT " + month + ", c.handler_id, " + seconds + ", count(*) FROM calls c WHERE c.status = 'completed' GROUP BY 1, 2, 3",
                "SELECT day, seconds, calls FROM call_day_durations",
                "SELECT (c.started_at AT TIME ZONE 'Europe/London')::date, " + seconds + ", count(*) FROM calls c WHERE c.status = 'completed' GROUP BY 1, 2",
                "SELECT month, handler_id, question, changes FROM call_month_changes",
                "SELECT " + month + ", c.handler_id, e.question, count(*) FROM calls c JOIN call_events e ON e.call_id = c.id AND e.type = 'changed'"
                        + " WHERE c.status = 'completed' GROUP BY 1, 2, 3");
        recounts.forEach((kept, recount) -> {
            long rows = app.app().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM (" + kept + ") k").mapTo(Long.class).one());
            long differ = app.app().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM ((" + kept + " EXCEPT " + recount + ") UNION ALL (" + recount + " EXCEPT " + kept + ")) d")
                    .mapTo(Long.class).one());
            assertTrue(rows > 0, kept);
            assertEquals(0, differ, kept);
        });
    }

    private long calls() {
        return app.app().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calls").mapTo(Long.class).one());
    }

    private long completedShown(String period) throws Exception {
        Matcher m = Pattern.compile("id=\"completed\">([0-9]+)<").matcher(send("/review/insights?period=" + period, cookie).body());
        assertTrue(m.find(), period);
        return Long.parseLong(m.group(1));
    }

    private static List<String> rows(String body) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(body);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static String link(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    private HttpResponse<String> send(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path));
        if (cookie != null) b.header("Cookie", cookie);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        return r;
    }
}
