package callguide.web;

import callguide.support.TestApp;
import callguide.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting calls is limited per sign-in, counted in the shared database, so a second node would see the same count. */
class CallStartLimitTest {
    @Test
    void a_sign_in_past_its_calls_a_minute_gets_429_and_others_are_not_held_up() throws Exception {
        String url = TestDatabase.freshUrl();
        try (TestApp one = TestApp.start(Map.of("DATABASE_URL", url, "CALLS_PER_MINUTE", "3"));
             TestApp two = TestApp.start(Map.of("DATABASE_URL", url, "CALLS_PER_MINUTE", "3"))) {
            assertEquals(201, one.as("kim").post("/api/calls", "{\"flow\":\"intake\"}").status());
            assertEquals(201, two.as("kim").post("/api/calls", "{\"flow\":\"intake\"}").status(), "the other node counts the same sign-in");
            assertEquals(201, one.as("kim").post("/api/calls", "{\"flow\":\"intake\"}").status());
            // Counted over the last 60 seconds, whenever the clock's minute turns: the fourth is refused.
            TestApp.Response refused = two.as("kim").post("/api/calls", "{\"flow\":\"intake\"}");
            assertEquals(429, refused.status(), refused.text());
            assertEquals("too_many_calls", refused.field("/error"));
            assertTrue(Integer.parseInt(refused.raw().headers().firstValue("Retry-After").orElse("0")) >= 1, "says when to try again");
            assertEquals(201, one.as("lee").post("/api/calls", "{\"flow\":\"intake\"}").status(), "another sign-in has its own count");
            // A minute on (the starts made older in the database), kim may start again.
            one.app().database().jdbi().useHandle(h -> h.execute("UPDATE call_starts SET at = at - interval '61 seconds'"));
            assertEquals(201, two.as("kim").post("/api/calls", "{\"flow\":\"intake\"}").status(), "the window has moved on");
        }
    }
}
