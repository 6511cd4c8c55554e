package callguide.bench;

import callguide.App;
import callguide.support.TestApp;
import callguide.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code bench} end to end, briefly: handlers through the HTTP API, the raw transaction, and the summary read last. */
class BenchRunTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "bench: (\\d+) steps/s, (\\d+)% of the raw rate of the same transaction, p50 (\\d+\\.\\d) ms, p99 (\\d+\\.\\d) ms");

    @Test
    void a_short_run_answers_through_the_api_without_errors_and_ends_with_the_summary_line() throws Exception {
        Run run = run("--concurrency", "4", "--warmup", "1.5", "--duration", "1.5");

        assertEquals(0, run.status(), run.printed());
        List<String> lines = run.printed().lines().toList();
        Matcher summary = SUMMARY.matcher(lines.get(lines.size() - 1));
        assertTrue(summary.matches(), "the last line is the summary: " + lines.get(lines.size() - 1));
        assertTrue(Long.parseLong(summary.group(1)) > 0, run.printed());
        assertTrue(Double.parseDouble(summary.group(3)) <= Double.parseDouble(summary.group(4)), "p50 within p99");
        assertEquals(3, lines.stream().filter(l -> l.matches("pair [123]: api \\d+ steps/s, raw \\d+ tx/s: \\d+%")).count(), run.printed());
        String api = lines.stream().filter(l -> l.startsWith("api: ")).findFirst().orElseThrow();
        assertTrue(api.endsWith("errors 0"), api);
    }

    @Test
    void bad_options_exit_with_status_2_and_start_nothing() throws Exception {
        int status = Bench.run(new String[] {"--concurrency", "0"}, (config, clock, answers) -> fail("started the service"), Map.of());
        assertEquals(2, status);
    }

    private record Run(int status, String printed) {}

    private static Run run(String... args) throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", TestDatabase.freshUrl(), "TWILIO_AUTH_TOKEN", TestApp.TWILIO_TOKEN);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, UTF_8));
        try {
            int status = Bench.run(args, (config, clock, answers) -> App.start(config, clock, TestApp.answers(config)), env);
            return new Run(status, captured.toString(UTF_8));
        } finally {
            System.setOut(out);
            System.out.print(captured.toString(UTF_8));
        }
    }
}
