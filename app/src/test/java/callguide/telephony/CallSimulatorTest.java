package callguide.telephony;

import callguide.config.Config;
import callguide.support.TestApp;
import callguide.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The development simulator plays a whole call through the signed webhooks, with no Twilio account. */
class CallSimulatorTest {
    @Test
    void a_scripted_mp_hotline_call_opens_a_guided_call_with_its_transcript(@TempDir Path dir) throws Exception {
        Map<String, String> shared = Map.of("PUBLIC_BASE_URL", "https://callguide.example.org", "MP_HOTLINE_NUMBER", "+442079460000",
                "TWILIO_AUTH_TOKEN", TestApp.TWILIO_TOKEN);
        Map<String, String> env = new java.util.HashMap<>(shared);
        env.put("DATABASE_URL", TestDatabase.freshUrl());
        try (TestApp api = TestApp.start(env)) {
            Path script = Files.writeString(dir.resolve("lines.txt"), "# an MP's caseworker\ncaller: Hello, I work for an MP\nhandler: Putting you through\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String[] args = {"--mp", "--lines", script.toString(), "--url", "http://127.0.0.1:" + api.app().port(), "--pause", "0", "--hangup"};
            int status = CallSimulator.run(Config.from(shared).telephony(), args, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
            Matcher m = Pattern.compile("guided call ([0-9a-f-]{36})").matcher(out.toString(StandardCharsets.UTF_8));
            assertTrue(m.find(), out.toString(StandardCharsets.UTF_8));
            // Still waiting for a handler to take it: a supervisor reads it.
            TestApp.Client supervisor = api.as("sam", callguide.account.Role.supervisor);
            JsonNode call = supervisor.get("/api/calls/" + m.group(1)).json();
            assertEquals("mp_hotline", call.at("/answers/0/answer").asText());
            JsonNode lines = supervisor.get("/api/calls/" + m.group(1) + "/transcript").json();
            assertEquals(2, lines.size());
            assertEquals("caller", lines.get(0).get("speaker").asText());
            assertEquals("Putting you through", lines.get(1).get("text").asText());
            assertTrue(supervisor.get("/api/calls/" + m.group(1) + "/events").text().contains("phone_call_ended"));
        }
    }
}
