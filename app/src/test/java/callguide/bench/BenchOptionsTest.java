package callguide.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {
    @Test
    void the_warm_up_is_half_a_minute_or_until_the_jit_settles() {
        assertEquals(30.0, Bench.parse(new String[0]).warmup(), "default: half a minute, so a run takes under one");
        assertNull(Bench.parse(new String[] {"--warmup", "auto"}).warmup());
        assertEquals(20.0, Bench.parse(new String[] {"--warmup=20"}).warmup());
        assertEquals(0.0, Bench.parse(new String[] {"--warmup", "0"}).warmup());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bench.parse(new String[] {"--warmup", "soon"}));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }

    @Test
    void the_compilers_cpu_is_read_from_this_process() {
        // Linux, where the service runs: the JIT has compiled something by the time a test runs.
        assertTrue(BenchCpu.compilerNanos() > 0, "compiler threads' CPU from /proc/self/task");
    }
}
