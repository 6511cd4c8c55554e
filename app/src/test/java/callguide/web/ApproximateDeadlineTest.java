package callguide.web;

import callguide.support.PageSession;
import callguide.support.RunningApp;
import callguide.support.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A BANK_HOLIDAYS_FILE that ends with 2025, on a service whose clock says November 2026: a working-day deadline
 * is counted past the holidays known, so the page, the case note and the API all say it is approximate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApproximateDeadlineTest {
    static final String SIGNPOSTED = "\"contact_route\":\"inbound_call\",\"region\":\"gb\",\"caller\":\"client\","
            + "\"staff_conduct\":\"no\",\"about_cm_options\":\"only\"";
    /** Bank holidays that end with 2025, so a deadline in 2026 runs past them. */
    static final Path HOLIDAYS = holidaysTo2025();
    @RegisterExtension
    static final RunningApp app = RunningApp.start(Map.of("BANK_HOLIDAYS_FILE", HOLIDAYS.toString()));
    TestApp.Client olive;
    PageSession pages;

    private static Path holidaysTo2025() {
        try {
            Path holidays = Files.createTempFile("bank-holidays-to-2025", ".json");
            holidays.toFile().deleteOnExit();
            String christmas = "{\"events\":[{\"title\":\"Christmas Day\",\"date\":\"2025-12-25\"}]}";
            Files.writeString(holidays, "{\"england-and-wales\":" + christmas + ",\"scotland\":" + christmas
                    + ",\"northern-ireland\":" + christmas + "}");
            return holidays;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    void signIn() {
        olive = app.as("olive");
        pages = olive.pages();
    }

    @Test
    void options_fifteen_working_days_past_the_list_are_shown_as_approximately_with_the_warning_to_update_the_file() throws Exception {
        String id = olive.callAnswering("contact_route", "inbound_call", "region", "gb", "caller", "client",
                "staff_conduct", "no", "about_cm_options", "only");
        TestApp.Response call = olive.get("/api/calls/" + id);
        assertEquals("SIGNPOST_CM_OPTIONS", call.field("/outcome/code"));
        assertEquals("2026-12-18", call.field("/outcome/deadlines/0/due"));
        assertEquals("true", call.field("/outcome/deadlines/0/approximate"));

        HttpResponse<String> page = pages.get("/calls/" + id + "/outcome");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Approximately 18 December 2026"), "the date says it is approximate");
        assertTrue(page.body().contains("id=\"deadlines-approximate\""), "a warning beside the deadlines");
        assertTrue(page.body().contains("update BANK_HOLIDAYS_FILE"), "the warning says how to put it right");

        String note = olive.get("/api/calls/" + id + "/summary").field("/caseNote");
        assertTrue(note.contains("if contacted today: approximately 18 December 2026"), note);
    }

    @Test
    void the_simulator_marks_the_same_deadline_exact_on_a_day_inside_the_list_and_approximate_past_it() {
        TestApp.Response inside = olive.post("/api/flows/intake/simulate", "{\"today\":\"2025-03-03\",\"answers\":{" + SIGNPOSTED + "}}");
        assertEquals(200, inside.status(), inside.text());
        assertEquals("false", inside.field("/outcome/deadlines/0/approximate"));
        TestApp.Response past = olive.post("/api/flows/intake/simulate", "{\"today\":\"2025-12-22\",\"answers\":{" + SIGNPOSTED + "}}");
        assertEquals("true", past.field("/outcome/deadlines/0/approximate"));
        assertFalse(past.field("/outcome/deadlines/0/due").startsWith("2025"), past.field("/outcome/deadlines/0/due"));
    }
}
