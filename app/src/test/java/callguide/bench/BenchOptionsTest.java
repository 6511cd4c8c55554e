package callguide.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {
    @Test
    void the_warm_up_is_21_seconds_or_until_the_jit_settles() {
        assertEquals(21.0, Bench.parse(new String[0]).warmup(), "default: a default run finishes within a minute");
        assertEquals(8.0, Bench.parse(new String[0]).duration());
        assertNull(Bench.parse(new String[] {"--warmup", "auto"}).warmup());
        assertEquals(20.0, Bench.parse(new String[] {"--warmup=20"}).warmup());
        assertEquals(0.0, Bench.parse(new String[] {"--warmup", "0"}).warmup());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bench.parse(new String[] {"--warmup", "soon"}));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }

    @Test
    void a_compiler_threads_cpu_is_its_user_and_system_ticks_and_other_threads_count_for_nothing() {
        String c2 = "4242 (C2 CompilerThre) S 4200 4200 1 0 -1 4194368 900 0 7 0 1234 56 0 0 20 0 30 0 512 0 0";
        assertEquals(1234 + 56, BenchCpu.compilerTicks(c2));
        // A name with spaces and brackets of its own must not shift the fields.
        String odd = "4243 (x) (y CompilerThre) R 4200 4200 1 0 -1 4194368 900 0 7 0 11 22 0 0 20 0 30 0 512 0 0";
        assertEquals(33, BenchCpu.compilerTicks(odd));
        assertEquals(0, BenchCpu.compilerTicks("4244 (qtp-12) S 4200 4200 1 0 -1 4194368 900 0 7 0 500 60 0 0 20 0 30 0 512 0 0"));
    }

    @Test
    void on_a_shared_database_the_measured_service_gets_a_token_of_its_own_and_a_given_one_is_kept() {
        assertTrue(BenchReview.benchEnvironment(java.util.Map.of("DATABASE_URL", "postgres://x@h/db")).get("TWILIO_AUTH_TOKEN").startsWith("bench-"));
        assertEquals("mine", BenchReview.benchEnvironment(java.util.Map.of("DATABASE_URL", "postgres://x@h/db", "TWILIO_AUTH_TOKEN", "mine"))
                .get("TWILIO_AUTH_TOKEN"));
        assertNull(BenchReview.benchEnvironment(java.util.Map.of()).get("TWILIO_AUTH_TOKEN"), "the embedded database needs none");
        assertEquals("127.0.0.1", BenchReview.benchEnvironment(java.util.Map.of("HOST", "0.0.0.0")).get("HOST"), "measured on loopback only");
    }
}
