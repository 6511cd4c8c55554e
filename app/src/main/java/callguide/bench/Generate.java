package callguide.bench;

import callguide.call.FlowCatalog;
import callguide.call.FlowVersionDao;
import callguide.call.WorkingCalendar;
import callguide.config.Config;
import callguide.config.Json;
import callguide.flow.Flow;
import callguide.flow.FlowLoader;
import callguide.flow.IntakeRules;
import callguide.flow.Renderer;
import callguide.flow.Vocabulary;
import callguide.store.Database;
import callguide.store.EmbeddedServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLState;

/**
 * {@code generate --calls N}: fills the configured database with N guided calls spread over the last
 * 14 months, each a real path through the current intake flow (see {@link CallMaker}), written with COPY.
 */
public final class Generate {
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int BATCH = 2_000;
    private static final String USAGE = """
            usage: java -jar callguide.jar generate --calls N [--months M] [--seed S] [--threads T]
              Adds N guided calls to the database the service is configured with (DATABASE_URL, or the embedded
              PostgreSQL in DATA_DIR), started on working days over the last M months (default 14), each a real
              path through the intake flow with its events, notes, suggestions, changes of answer and, for phone
              calls, a transcript. The same seed, N and M on the same day make the same calls; by default the seed is one
              more than the number of calls already there (1 in an empty database), so running it again adds N more.
              T writers in parallel (default 2).""";

    private Generate() {}

    /** The seed's calls are in the database already: a unique key refused them. */
    static final class AlreadyThere extends RuntimeException {
        AlreadyThere(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        long calls = -1;
        int months = 14;
        Long seed = null;
        int threads = 2;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    System.out.println(USAGE);
                    return;
                }
                if (!java.util.Set.of("--calls", "--months", "--seed", "--threads").contains(a)) throw new IllegalArgumentException("unknown option " + a);
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                String v = args[++i];
                switch (a) {
                    case "--calls" -> calls = number(a, v, 1, Long.MAX_VALUE);
                    case "--months" -> months = (int) number(a, v, 1, 120);
                    case "--seed" -> seed = number(a, v, Long.MIN_VALUE, Long.MAX_VALUE);
                    default -> threads = (int) number(a, v, 1, 16);
                }
            }
            if (calls < 1) throw new IllegalArgumentException("--calls N is required, at least 1");
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Config config = Config.fromEnvironment();
        EmbeddedServer embedded = config.databaseUrl() == null ? EmbeddedServer.start(config.dataDir().resolve("postgres")) : null;
        try (Database db = Database.open(config.databaseUrl(), embedded, threads + 1)) {
            run(db, config, calls, months, seed != null ? seed : nextSeed(db), threads, LocalDate.now(UK));
        } catch (AlreadyThere e) {
            System.err.println("generate: " + e.getMessage());
            System.exit(1);
        }
    }

    private static long number(String option, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " must be a whole number" + (min == Long.MIN_VALUE ? "" : " from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max)) + ", not '" + value + "'");
    }

    /** One more than the calls already there: a seed already used on the same day would make the same call ids again. */
    static long nextSeed(Database db) {
        return 1 + db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calls").mapTo(Long.class).one());
    }

    /** Calls on the working days of the {@code months} before {@code today}; a seed names the same calls only on the same day. */
    static void run(Database db, Config config, long calls, int months, long seed, int threads, LocalDate today) throws Exception {
        long t0 = System.nanoTime();
        FlowLoader loader = new FlowLoader(Vocabulary.INTAKE);
        FlowCatalog catalog = new FlowCatalog(loader, FlowCatalog.read(loader, config.flowsDir()), new FlowVersionDao(db.jdbi()));
        Flow flow = catalog.current(IntakeRules.FLOW).orElseThrow(() -> new IllegalStateException("no intake flow")).flow();
        WorkingCalendar calendar = config.workingCalendar();
        ObjectMapper json = Json.mapper();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today.minusMonths(months); d.isBefore(today); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) days.add(d);
        }
        System.out.printf(Locale.ROOT, "generate: %d calls over %d working days from %s to %s, flow %s version %s, seed %d, %d writers%n",
                calls, days.size(), days.get(0), days.get(days.size() - 1), flow.id(), flow.version(), seed, threads);
        long batches = (calls + BATCH - 1) / BATCH;
        AtomicLong nextBatch = new AtomicLong();
        AtomicLong doneCalls = new AtomicLong(), doneEvents = new AtomicLong(), doneLines = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < threads; w++) {
            Thread t = new Thread(() -> {
                CallMaker maker = new CallMaker(flow, new Renderer(config.contacts()), calendar, config.defaultNation(), json);
                try (Connection c = db.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    // A batch lost to a crash is simply not there: no need to wait for each commit's flush.
                    try (Statement s = c.createStatement()) {
                        s.execute("SET synchronous_commit = off");
                    }
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    for (long b; (b = nextBatch.getAndIncrement()) < batches && failures.get() == 0; ) {
                        long from = b * BATCH, to = Math.min(calls, from + BATCH);
                        CallMaker.Rows rows = maker.make(seed, from, to, calls, days);
                        copy.copyIn("COPY calls (id, flow_id, flow_version, handler_id, call_sid, nation, status, current_question, "
                                + "answers, outcome_code, flags, outcome, started_at, updated_at, completed_at) FROM STDIN", new StringReader(rows.calls()));
                        copy.copyIn("COPY phone_calls (call_id, call_sid, dialled_number, handler_leg_sid, ended_at, end_status) FROM STDIN",
                                new StringReader(rows.phones()));
                        copy.copyIn("COPY call_events (call_id, at, type, question, answer, note, detail) FROM STDIN", new StringReader(rows.events()));
                        copy.copyIn("COPY transcript_lines (call_id, sequence, speaker, text, spoken_at) FROM STDIN", new StringReader(rows.lines()));
                        // The calls went in completed before their events: their changes of answer are counted now (V45).
                        try (var count = c.prepareStatement("SELECT count_changed_answers(?)")) {
                            count.setArray(1, c.createArrayOf("uuid", rows.ids().toArray()));
                            count.execute();
                        }
                        c.commit();
                        doneCalls.addAndGet(to - from);
                        doneEvents.addAndGet(rows.eventCount());
                        doneLines.addAndGet(rows.lineCount());
                    }
                } catch (Throwable e) {
                    failures.incrementAndGet();
                    errors.add(e);
                }
            }, "generate-" + w);
            t.start();
            workers.add(t);
        }
        long lastPrint = System.nanoTime();
        while (workers.stream().anyMatch(Thread::isAlive)) {
            workers.get(0).join(250);
            for (Thread t : workers) t.join(250);
            if (System.nanoTime() - lastPrint > 5e9) {
                lastPrint = System.nanoTime();
                double s = (lastPrint - t0) / 1e9;
                System.out.printf(Locale.ROOT, "generate: %d / %d calls, %d events, %d transcript lines, %.0f s, %.0f calls/s%n",
                        doneCalls.get(), calls, doneEvents.get(), doneLines.get(), s, doneCalls.get() / s);
            }
        }
        if (!errors.isEmpty()) {
            Throwable first = errors.get(0);
            boolean repeatedId = SQLException.class.isInstance(first)
                    && PSQLState.UNIQUE_VIOLATION.getState().equals(((SQLException) first).getSQLState());
            if (repeatedId) {
                throw new AlreadyThere("calls made from seed " + seed + " on this day are already in this database (this run added "
                        + doneCalls.get() + " before it found one); run it again with another --seed");
            }
            throw new IllegalStateException("generate failed after " + doneCalls.get() + " calls", errors.get(0));
        }
        double written = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "generate: %d calls, %d events, %d transcript lines written in %.1f s; vacuum and analyze...%n",
                doneCalls.get(), doneEvents.get(), doneLines.get(), written);
        // A fresh bulk load has no visibility map and no statistics yet; autovacuum would get there, later.
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE) calls, call_events, transcript_lines, phone_calls");
        }
        double total = (System.nanoTime() - t0) / 1e9;
        long total_calls = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM calls").mapTo(Long.class).one());
        System.out.printf(Locale.ROOT, "generate: %d calls added in %.1f s (%.1f s writing, %.1f s vacuum); the database now holds %d calls%n",
                doneCalls.get(), total, written, total - written, total_calls);
    }
}
