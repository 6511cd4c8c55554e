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
            TestApp.Response refused = two.as("kim").post("/api/calls", "{\"flow\":\"intake\"}");
            // A minute may turn over between the starts; then the count starts again and one more is allowed.
            if (refused.status() == 201) refused = two.as("kim").post("/api/calls", "{\"flow\":\"intake\"}");
            assertEquals(429, refused.status(), refused.text());
            assertEquals("too_many_calls", refused.field("/error"));
            assertTrue(Integer.parseInt(refused.raw().headers().firstValue("Retry-After").orElse("0")) >= 1, "says when to try again");
            assertEquals(201, one.as("lee").post("/api/calls", "{\"flow\":\"intake\"}").status(), "another sign-in has its own count");
        }
    }
}
