package callguide.bench;

import callguide.config.Config;
import callguide.support.RunningApp;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running {@code generate} again on the same database: more calls by default, a clear refusal for a seed already used. */
class GenerateTest {
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    /** One day for every run, so a test that crosses midnight still makes the same ids from the same seed. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void a_second_run_adds_more_calls_and_a_used_seed_is_refused_without_changing_anything() throws Exception {
        var db = app.app().database();
        Config config = Config.from(Map.of());
        long before = calls();
        Generate.run(db, config, 120, 14, Generate.nextSeed(db), 2, TODAY);
        Generate.run(db, config, 120, 14, Generate.nextSeed(db), 2, TODAY);
        assertEquals(before + 240, calls());
        long events = events();

        Generate.AlreadyThere refused = assertThrows(Generate.AlreadyThere.class, () -> Generate.run(db, config, 120, 14, before + 1, 2, TODAY));
        assertTrue(refused.getMessage().contains("seed " + (before + 1)), refused.getMessage());
        assertEquals(before + 240, calls());
        assertEquals(events, events());
    }

    private long calls() {
        return app.app().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calls").mapTo(Long.class).one());
    }

    private long events() {
        return app.app().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM call_events").mapTo(Long.class).one());
    }
}
