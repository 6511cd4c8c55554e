package callguide;

import callguide.call.WorkingCalendar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up warning: from six months before the bundled bank holidays end, the log says to update BANK_HOLIDAYS_FILE. */
class BankHolidayWarningTest {

    @Test
    void in_august_2028_the_service_warns_that_the_holidays_end_with_2028() {
        String log = logged(Instant.parse("2028-08-01T09:00:00Z"));
        assertTrue(log.contains("end on 2028-12-31"), log);
        assertTrue(log.contains("Update BANK_HOLIDAYS_FILE"), log);
    }

    @Test
    void in_november_2026_there_is_nothing_to_warn_about() {
        assertFalse(logged(Instant.parse("2026-11-27T10:00:00Z")).contains("BANK_HOLIDAYS_FILE"));
    }

    private static String logged(Instant now) {
        PrintStream err = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            App.warnIfBankHolidaysRunOut(WorkingCalendar.bundled(), Clock.fixed(now, ZoneOffset.UTC));
        } finally {
            System.setErr(err);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
