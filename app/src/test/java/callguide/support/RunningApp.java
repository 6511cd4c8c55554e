package callguide.support;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service for one test class, called as any {@link TestApp} is: started before the class's first test on a
 * database of its own (on the one embedded PostgreSQL of the test run), stopped after its last.
 *
 * <pre>{@code @RegisterExtension static final RunningApp app = RunningApp.start();}</pre>
 *
 * The field is static so the service outlives each test; {@code @Nested} classes use their enclosing class's service.
 * The class's own {@code @BeforeAll} methods run once it is up and its {@code @AfterAll} methods before it stops.
 */
public final class RunningApp extends TestApp implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> settings;
    private final Clock clock;
    /** The test class that started the service, and so stops it. */
    private String owner;

    private RunningApp(Map<String, String> settings, Clock clock) {
        this.settings = Map.copyOf(settings);
        this.clock = clock;
    }

    public static RunningApp start() {
        return start(Map.of());
    }

    /** With these settings too; a fresh database unless they name a {@code DATABASE_URL} or {@code DATA_DIR}. */
    public static RunningApp start(Map<String, String> settings) {
        return start(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public static RunningApp start(Map<String, String> settings, Clock clock) {
        return new RunningApp(settings, clock);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) return;
        Map<String, String> all = new HashMap<>(settings);
        if (!all.containsKey("DATABASE_URL") && !all.containsKey("DATA_DIR")) all.put("DATABASE_URL", TestDatabase.freshUrl());
        running(startService(all, clock));
        owner = context.getUniqueId();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!context.getUniqueId().equals(owner)) return;
        owner = null;
        close();
    }
}
