package callguide.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work that must run once across all nodes, not once per node. Every node looks each second; a
 * job's turn is claimed in the database (an advisory lock so no node waits on another, then a row that records
 * the last run), and only the node whose claim succeeded does the work.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private record Job(String name, Duration every, Runnable work) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final List<Job> jobs = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "background-jobs");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failing;

    public Jobs(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        looker.scheduleWithFixedDelay(this::lookQuietly, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} every {@code every}, on whichever node claims it first. */
    public void every(String name, Duration every, Runnable work) {
        jobs.add(new Job(name, every, work));
    }

    /** Runs now the jobs whose turn it is and that no other node has claimed; returns those run here. */
    public List<String> runDue() {
        List<String> ran = new ArrayList<>();
        for (Job job : jobs) {
            if (claim(job.name(), job.every(), clock.instant())) {
                job.work().run();
                ran.add(job.name());
            }
        }
        return ran;
    }

    /**
     * True when this node may run the job now: no other node holds it, and its last run (on any node) is at least
     * {@code every} old. The claim and the record of the run commit together.
     */
    boolean claim(String name, Duration every, Instant now) {
        return jdbi.inTransaction(h -> {
            boolean mine = h.createQuery("SELECT pg_try_advisory_xact_lock(hashtext('callguide-job:' || :job))")
                    .bind("job", name).mapTo(Boolean.class).one();
            // A clock moved back leaves a last run in the future: it counts as due rather than never again.
            return mine && h.createUpdate("""
                    INSERT INTO job_runs (job, last_run_at, runs) VALUES (:job, :now, 1)
                    ON CONFLICT (job) DO UPDATE SET last_run_at = :now, runs = job_runs.runs + 1
                    WHERE job_runs.last_run_at <= :due OR job_runs.last_run_at > :now""")
                    .bind("job", name).bind("now", now).bind("due", now.minus(every)).execute() == 1;
        });
    }

    private void lookQuietly() {
        try {
            runDue();
            if (failing) LOG.info("background jobs run again");
            failing = false;
        } catch (RuntimeException e) {
            // The database may be away for a moment: the next look tries again; said once, not every second.
            if (!failing) LOG.warn("background jobs could not run: {}", e.toString());
            failing = true;
        }
    }

    @Override
    public void close() {
        looker.shutdownNow();
    }
}
