package callguide.bench;

import callguide.assist.AnswerIndex;
import callguide.config.Config;
import callguide.store.Database;
import java.time.Clock;

/** The running service a bench measures; the wiring starts it, so the bench depends on the service's parts, not on the wiring. */
public interface Service extends AutoCloseable {
    int port();

    Database database();

    /** Starts the service; with {@code answers} null the labelled examples are embedded afresh. */
    @FunctionalInterface
    interface Starter {
        Service start(Config config, Clock clock, AnswerIndex answers);
    }
}
