package callguide.web;

import callguide.support.PageSession;
import callguide.support.RunningApp;
import callguide.support.TestApp;
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

/**
 * Each call is shown with the outcome it reached, not another outcome sharing its code; lists by code name what
 * every call with that code was told; flags and nations read as titles, not as ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallTitlesTest {
    static final String CLIENT_REFERRAL = "Ask your team leader or BAU G7 to refer the complaint to the Complaints Resolution Team";
    static final String FAILED_GATEWAY = "Refer the complaint that failed the ICE gateway to the Complaints Resolution Team";
    static final String CLIENT_STAFF_CONDUCT = "Staff conduct complaint - record nothing on the system";
    static final String FROM_THE_ICE = "from the Independent Case Examiner";

    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    TestApp.Client pat;
    PageSession handler;
    PageSession supervisor;
    String clientReferral;
    String failedGateway;
    String staffConduct;
    String partlyOptions;

    @BeforeAll
    void calls() {
        pat = app.as("pat");
        clientReferral = pat.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "no", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "unhappy_with_bau", "bau_within_6_months", "yes", "mp_raised", "no");
        failedGateway = pat.callAnswering("contact_route", "written", "region", "gb", "caller", "ice", "staff_conduct", "no",
                "ice_contact", "failed_gateway");
        staffConduct = pat.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client", "staff_conduct", "yes");
        partlyOptions = pat.callAnswering("contact_route", "inbound_call", "region", "ni", "caller", "client", "staff_conduct", "no",
                "about_cm_options", "partly", "case_closed_on", "", "challenges_decision", "no", "effective_date_challenge", "no",
                "existing_complaint", "none", "mp_raised", "no", "resolvable_now", "yes");
        assertEquals("REFER_RESOLUTION_TEAM", pat.get("/api/calls/" + clientReferral).field("/outcome/code"));
        assertEquals("REFER_RESOLUTION_TEAM", pat.get("/api/calls/" + failedGateway).field("/outcome/code"));
        assertEquals("STAFF_CONDUCT_CONFIDENTIAL", pat.get("/api/calls/" + staffConduct).field("/outcome/code"));
        assertEquals("RECORD_DISSATISFACTION", pat.get("/api/calls/" + partlyOptions).field("/outcome/code"));
        handler = pat.pages();
        app.reviewer().token();
        supervisor = app.reviewer().pages();
    }

    @Test
    void the_handlers_own_calls_show_the_outcome_each_reached() {
        String home = body(handler.get("/"));
        assertTrue(row(home, clientReferral).contains(CLIENT_REFERRAL), row(home, clientReferral));
        assertTrue(row(home, failedGateway).contains(FAILED_GATEWAY), row(home, failedGateway));
        assertTrue(row(home, staffConduct).contains(CLIENT_STAFF_CONDUCT), row(home, staffConduct));
        assertFalse(home.contains(FROM_THE_ICE), "no call here came from the ICE");
    }

    @Test
    void the_review_list_shows_each_calls_own_outcome_and_its_flags_by_title() {
        String list = body(supervisor.get("/review?handler=pat"));
        assertTrue(row(list, clientReferral).contains(CLIENT_REFERRAL), row(list, clientReferral));
        assertTrue(row(list, failedGateway).contains(FAILED_GATEWAY), row(list, failedGateway));
        assertTrue(row(list, failedGateway).contains("Tell the ICE team on closure"), row(list, failedGateway));
        assertTrue(row(list, staffConduct).contains(CLIENT_STAFF_CONDUCT), row(list, staffConduct));
        assertFalse(row(list, staffConduct).contains(FROM_THE_ICE), row(list, staffConduct));
        assertTrue(row(list, partlyOptions).contains("Child Maintenance Options referral, Northern Ireland terms"), row(list, partlyOptions));
        assertFalse(list.contains("Notify ice on closure") || list.contains("Cm options referral") || list.contains("Ni terms"), list);
    }

    /** Seven outcomes share REFER_RESOLUTION_TEAM and five STAFF_CONDUCT_CONFIDENTIAL: the filter names what they share. */
    @Test
    void the_outcome_filter_names_a_shared_code_by_what_every_call_with_it_was_told() {
        String list = body(supervisor.get("/review"));
        assertEquals("Staff conduct complaint - record nothing on the system", option(list, "STAFF_CONDUCT_CONFIDENTIAL"));
        assertEquals("Refer to the Complaints Resolution Team", option(list, "REFER_RESOLUTION_TEAM"));
        assertEquals("Child Maintenance Options referral", option(list, "cm_options_referral"));
        assertEquals("Tell the ICE team on closure", option(list, "notify_ice_on_closure"));
    }

    @Test
    void insights_count_a_shared_code_under_what_every_call_with_it_was_told() {
        String insights = body(supervisor.get("/review/insights?period=all"));
        assertTrue(insights.contains("Refer to the Complaints Resolution Team"), insights);
        assertTrue(insights.contains(CLIENT_STAFF_CONDUCT), insights);
        assertFalse(insights.contains(FROM_THE_ICE), "a client's staff conduct complaint is not counted as the ICE's");
        assertFalse(insights.contains(CLIENT_REFERRAL), "the ICE's referral is not counted as a client's");
    }

    @Test
    void the_timeline_shows_flags_and_nation_by_title() {
        String timeline = body(supervisor.get("/review/calls/" + failedGateway));
        assertTrue(timeline.contains("Outcome: " + FAILED_GATEWAY), timeline);
        assertTrue(timeline.contains(">Tell the ICE team on closure</dd>"), timeline);
        assertTrue(timeline.contains(">England and Wales</dd>"), timeline);
        assertTrue(timeline.contains("Guided by Complaint intake (flow version "), "the flow by its title, not its id");
        String ni = body(supervisor.get("/review/calls/" + partlyOptions));
        assertTrue(ni.contains(">Child Maintenance Options referral, Northern Ireland terms</dd>"), ni);
    }

    @Test
    void the_outcome_page_names_its_flags_by_title() {
        String outcome = body(handler.get("/calls/" + failedGateway + "/outcome"));
        assertTrue(outcome.contains("Also: Tell the ICE team on closure"), outcome);
    }

    private static String body(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.uri().toString());
        return page.body();
    }

    /** The table row that links to this call. */
    private static String row(String html, String callId) {
        Matcher m = Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*" + callId + "(?:(?!</tr>).)*</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no row for " + callId);
        return m.group();
    }

    /** The words of the option with this value in a select. */
    private static String option(String html, String value) {
        Matcher m = Pattern.compile("<option value=\"" + value + "\"[^>]*>([^<]*)</option>").matcher(html);
        assertTrue(m.find(), "no option " + value);
        return m.group(1);
    }
}
