package callguide.bench;

import callguide.account.Account;
import callguide.account.AccountDao;
import callguide.account.Accounts;
import callguide.account.Role;
import callguide.call.Call;
import callguide.call.CallDao;
import callguide.call.CallEvent;
import callguide.config.Config;
import callguide.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code bench}: many concurrent guided calls through the real HTTP API, then the same answer transaction
 * straight through JDBC on as many connections, so the API's rate can be read against what the database
 * allows. The last line is the summary a release check reads.
 */
public final class Bench {
    private static final String USAGE = """
            usage: java -jar callguide.jar bench [--calls N] [--concurrency C] [--duration SECONDS] [--warmup SECONDS|auto]
                                                 [--client socket|jdk]
              Drives C handlers, each taking guided calls from start to RAISE_COMPLAINT one answer at a time through
              the HTTP API, and runs the transaction of one answer step (CallDao lock, append, update) straight
              through JDBC on as many connections, SECONDS each, alternated in thirds; each phase's thirds are summed.
              Uses DATABASE_URL (and leaves its calls, handler bench-*, there), or an embedded PostgreSQL in a
              temporary folder, deleted afterwards, when it is unset.
              --calls        stop measuring the API after N completed calls (default: no limit)
              --concurrency  concurrent handlers (default 16)
              --duration     seconds each measured phase lasts at most, in three windows (default 8)
              --warmup       seconds of unmeasured API load first, two thirds of it with 2 handlers, which leave the JIT
                             compilers more of the CPU, then C (default 21); auto: each part until a 5-second round in
                             which the compilers used less than 5% of a core (at most 3 minutes, and 30 s of raw loop)
              --client       socket: a plain keep-alive HTTP/1.1 socket per handler (default, cheapest on the CPU
                             it shares with the server); jdk: java.net.http.HttpClient""";

    /** {@code warmup} null: until the JIT has settled ({@code auto}, see {@link #warmUp}). */
    record Options(long calls, int concurrency, double duration, Double warmup, boolean jdkClient) {}

    public static void main(String[] args, Service.Starter starter) throws Exception {
        int status = run(args, starter, System.getenv());
        if (status != 0) System.exit(status);
    }

    /** The command with these settings: its exit status, 2 for bad options, 1 when any request or transaction failed. */
    static int run(String[] args, Service.Starter starter, Map<String, String> environment) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (o == null) {
            System.out.println(USAGE);
            return 0;
        }
        Map<String, String> env = BenchReview.benchEnvironment(environment);
        Path temp = null;
        if (env.getOrDefault("DATABASE_URL", "").isBlank()) {
            temp = Files.createTempDirectory("callguide-bench");
            env.put("DATA_DIR", temp.toString());
        }
        // Each bench handler starts calls far faster than a person; the limit is still checked on every start, just not reached.
        env.putIfAbsent("CALLS_PER_MINUTE", "1000000");
        Config config = Config.from(env).withPort(0);
        Summary summary;
        boolean started = false;
        try {
            try (Service app = starter.start(config, Clock.systemUTC(), null)) {
                started = true;
                summary = run(o, app, config, new BenchCpu(temp == null ? null : temp.resolve("postgres")));
            }
        } finally {
            // Only once the server has stopped: a failed start leaves PostgreSQL to the library's exit hook, which needs the folder.
            if (temp != null && started) delete(temp);
        }
        // After shutdown, whose log lines would otherwise follow it: the summary must be the last line.
        System.out.println(summary.line());
        // A benchmark that got errors measured something other than the API working; say so in the status too.
        return summary.errors() > 0 ? 1 : 0;
    }

    record Summary(String line, long errors) {}

    /** API sign-ins for the bench's handlers, opened in-process: their accounts have no password anyone knows. */
    private static java.util.function.Function<String, String> signIns(Service app) {
        Accounts accounts = new Accounts(new AccountDao(app.database().jdbi()), Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(12));
        Map<String, String> tokens = new ConcurrentHashMap<>();
        return handler -> tokens.computeIfAbsent(handler, h -> {
            try {
                accounts.createWithoutPassword(handler, Role.handler);
            } catch (IllegalArgumentException alreadyThere) {
                // a bench run against DATABASE_URL before this one made it
            }
            return accounts.openApiSignIn(new Account(handler, Role.handler)).token();
        });
    }

    private static Summary run(Options o, Service app, Config config, BenchCpu cpu) throws Exception {
        Jdbi jdbi = app.database().jdbi();
        // Printed because "durable" rests on both: with fsync off a commit waits for no flush at all.
        String commit = jdbi.withHandle(h -> h.createQuery("SHOW synchronous_commit").mapTo(String.class).one());
        String fsync = jdbi.withHandle(h -> h.createQuery("SHOW fsync").mapTo(String.class).one());
        // The server cannot hold more connections than its pool, so the raw phase gets no more either.
        int connections = Math.min(o.concurrency(), config.databasePoolSize());
        System.out.printf("bench: %s PostgreSQL (synchronous_commit=%s, fsync=%s), server on port %d, pool of %d, %d handlers (%s client), %d cores%n",
                config.databaseUrl() == null ? "embedded" : "DATABASE_URL", commit, fsync, app.port(), config.databasePoolSize(),
                o.concurrency(), o.jdkClient() ? "java.net.http" : "socket", Runtime.getRuntime().availableProcessors());

        BenchLoad load = new BenchLoad(app.port(), o.jdkClient(), signIns(app), Scenario.CLIENT_COMPLAINT,
                Scenario.CLIENT_COMPLAINT.path(Scenario.intake(config), java.time.LocalDate.now()));
        warmUp(load, o);

        CallDao dao = new CallDao(jdbi, Json.mapper());
        List<UUID> rows = new ArrayList<>();
        String reply = null;
        Map<String, AtomicInteger> setupErrors = new ConcurrentHashMap<>();
        try (BenchLoad.Client client = load.client("bench-raw")) {
            for (int i = 0; i < connections; i++) {
                // Calls started and answered through the API up to existing_complaint: typical rows for an answer step.
                String id = load.id(BenchLoad.post(client, "/api/calls", "{\"flow\":\"intake\",\"handler\":\"bench-raw\"}", 201, setupErrors), setupErrors);
                for (int q = 0; id != null && q < load.path().size() - 3; q++) {
                    Scenario.Step step = load.path().get(q);
                    reply = BenchLoad.post(client, "/api/calls/" + id + "/answers", BenchLoad.answerBody(step.question(), step.answer()), 200, setupErrors);
                }
                if (id != null) rows.add(UUID.fromString(id));
            }
        }
        if (!setupErrors.isEmpty() || reply == null) throw new IllegalStateException("could not set up the raw phase: " + setupErrors);
        // Shorter: the API phase has already compiled CallDao, Jdbi and the driver; the raw loop's own code is held to the same test.
        if (o.warmup() == null || o.warmup() > 0) {
            double most = o.warmup() == null ? 30 : Math.min(o.warmup(), 2);
            System.out.println("raw warm-up, in 2-second rounds of tx/s and the JIT compilers' share of one core: "
                    + rounds(seconds -> raw(dao, rows, seconds).rate(), 2, Math.min(2, most), most));
        }

        // Alternated, in thirds, so a change in the machine's speed (two shared cores) falls on both phases alike.
        List<BenchLoad.Result> apis = new ArrayList<>();
        List<Raw> raws = new ArrayList<>();
        BenchCpu.Snapshot apiCpu = BenchCpu.Snapshot.NONE, rawCpu = BenchCpu.Snapshot.NONE;
        long callsLeft = o.calls();
        for (int pair = 1; pair <= PAIRS && callsLeft > 0; pair++) {
            BenchCpu.Snapshot before = cpu.now();
            BenchLoad.Result api = load.run(o.concurrency(), o.duration() / PAIRS, callsLeft);
            apiCpu = apiCpu.plus(cpu.now().minus(before));
            callsLeft -= api.calls();
            before = cpu.now();
            // As long as the API window actually ran, so both rates are averaged over the same kind of window.
            Raw raw = raw(dao, rows, api.seconds());
            rawCpu = rawCpu.plus(cpu.now().minus(before));
            apis.add(api);
            raws.add(raw);
            System.out.printf(Locale.ROOT, "pair %d: api %.0f steps/s, raw %.0f tx/s: %s%n", pair, api.rate(), raw.rate(),
                    raw.tx() == 0 ? "no raw transactions" : Math.round(100 * api.rate() / raw.rate()) + "%");
        }
        BenchLoad.Result api = BenchLoad.Result.merge(apis);
        Raw raw = Raw.merge(raws);
        System.out.printf("api: %d answer steps in %.1f s = %.0f steps/s, %d calls completed, %s, errors %d%n",
                api.steps(), api.seconds(), api.rate(), api.calls(), api.latency().summary(), api.errors());
        api.errorKinds().forEach((kind, n) -> System.out.println("api error x" + n + ": " + kind));
        if (api.steps() > 0) System.out.println("api cpu: " + BenchCpu.describe(apiCpu, api.steps(), o.jdkClient() ? 0 : api.workerCpuNanos(), "step"));
        System.out.printf("raw: %d connections, CallDao.lock + append + update in one transaction (Jdbi over JDBC), no HTTP: "
                + "%d tx in %.1f s = %.0f tx/s, %s%n", connections, raw.tx(), raw.seconds(), raw.rate(), raw.latency().summary());
        raw.errors().forEach((kind, n) -> System.out.println("raw error x" + n + ": " + kind));
        if (raw.tx() > 0) System.out.println("raw cpu: " + BenchCpu.describe(rawCpu, raw.tx(), 0, "transaction"));
        return new Summary(String.format(Locale.ROOT, "bench: %d steps/s, %d%% of the raw rate of the same transaction, p50 %.1f ms, p99 %.1f ms",
                Math.round(api.rate()), raw.tx() == 0 ? 0 : Math.round(100 * api.rate() / raw.rate()), api.latency().ms(50), api.latency().ms(99)),
                api.errors() + raw.errors().values().stream().mapToLong(AtomicInteger::get).sum());
    }

    static final int PAIRS = 3, FEW = 2;
    static final double ROUND = 5, SETTLED = 0.05;

    /**
     * Unmeasured load first, so the JIT has compiled what a step runs. On two cores the compilers get little CPU
     * beside sixteen busy handlers (12 to 19% of a core, still, after three minutes of them), so two thirds of the
     * warm-up runs two handlers, which leave the compilers most of a core, and the rest all C. With {@code auto}
     * each part goes on, in 5-second rounds, until one in which the compilers used less than 5% of a core.
     */
    private static void warmUp(BenchLoad load, Options o) throws InterruptedException {
        if (o.warmup() != null && o.warmup() == 0) return;
        int few = Math.min(FEW, o.concurrency());
        load.signIn(o.concurrency()); // all of them now, so no round's rate includes a sign-in
        Round fewHandlers = seconds -> load.run(few, seconds, Long.MAX_VALUE).rate();
        Round allHandlers = seconds -> load.run(o.concurrency(), seconds, Long.MAX_VALUE).rate();
        boolean auto = o.warmup() == null;
        String first = auto ? rounds(fewHandlers, ROUND, 20, 120) : rounds(fewHandlers, ROUND, o.warmup() * 2 / 3, o.warmup() * 2 / 3);
        String then = auto ? rounds(allHandlers, ROUND, 10, 60) : rounds(allHandlers, ROUND, o.warmup() / 3, o.warmup() / 3);
        System.out.println("warm-up, in rounds of steps/s and the JIT compilers' share of one core: "
                + few + " handlers " + first + "; " + o.concurrency() + " handlers " + then);
    }

    /** Load for {@code seconds}, giving its rate. */
    private interface Round {
        double run(double seconds) throws InterruptedException;
    }

    /** Rounds of load, at least {@code least} and at most {@code most} seconds, until one in which the compilers were nearly idle. */
    private static String rounds(Round round, double length, double least, double most) throws InterruptedException {
        List<String> rounds = new ArrayList<>();
        double elapsed = 0, share = 1;
        boolean seen = BenchCpu.compilerNanos() >= 0;
        while (most - elapsed > 0.1 && (elapsed < least || seen && share >= SETTLED)) {
            long compiled = BenchCpu.compilerNanos(), t0 = System.nanoTime();
            // A remainder shorter than half a round joins this one: a share read over a few ticks means nothing.
            double rate = round.run(most - elapsed < 1.5 * length ? most - elapsed : length);
            double seconds = (System.nanoTime() - t0) / 1e9;
            share = (BenchCpu.compilerNanos() - compiled) / (seconds * 1e9);
            elapsed += seconds;
            rounds.add(String.format(Locale.ROOT, seen ? "%.0f/%.0f%%" : "%.0f/?", rate, 100 * share));
        }
        if (!seen) return String.join(" ", rounds) + " (the compilers' CPU cannot be read here)";
        return String.join(" ", rounds) + (share < SETTLED ? "" : " (not settled after " + Math.round(elapsed) + " s)");
    }

    record Raw(long tx, double seconds, BenchSamples latency, Map<String, AtomicInteger> errors) {
        double rate() {
            return tx / seconds;
        }

        static Raw merge(List<Raw> windows) {
            return new Raw(windows.stream().mapToLong(Raw::tx).sum(), windows.stream().mapToDouble(Raw::seconds).sum(),
                    BenchSamples.merge(windows.stream().map(Raw::latency).toList()), BenchLoad.sum(windows.stream().map(Raw::errors).toList()));
        }
    }

    /**
     * One thread per row, each holding its own connection from the server's pool, looping the answer
     * transaction through CallDao's own methods, so the SQL is literally what an answer step sends: the
     * locking SELECT, the batch INSERT of the event, the UPDATE of the call, COMMIT. Like the API phase's steps it
     * carries no request id, so neither looks up a prior reply nor stores one.
     */
    private static Raw raw(CallDao dao, List<UUID> rows, double seconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<BenchSamples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] counts = new long[rows.size()];
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        for (int t = 0; t < rows.size(); t++) {
            UUID id = rows.get(t);
            BenchSamples mine = new BenchSamples();
            samples.add(mine);
            int slot = t;
            Thread thread = new Thread(() -> {
                try (Handle h = dao.jdbi().open()) {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            h.useTransaction(tx -> {
                                Call c = dao.lock(tx, id, null).orElseThrow().call();
                                Instant now = Instant.now();
                                dao.record(tx, new Call(c.id(), c.flowId(), c.flowVersion(), c.handlerId(), c.callSid(), c.nation(),
                                        c.status(), c.currentQuestion(), c.answers(), null, List.of(), null, c.startedAt(), now, null),
                                        now, List.of(CallEvent.of("answered", "existing_complaint", "none", null, null)), null, null);
                            });
                        } catch (RuntimeException e) {
                            errors.computeIfAbsent(String.valueOf(e), k -> new AtomicInteger()).incrementAndGet();
                            continue;
                        }
                        mine.add(System.nanoTime() - t0);
                        counts[slot]++;
                    }
                }
            }, "bench-raw-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Raw(Arrays.stream(counts).sum(), elapsed, BenchSamples.merge(samples), errors);
    }

    /** The options, or null for --help; an IllegalArgumentException says what is wrong. */
    static Options parse(String[] args) {
        long calls = Long.MAX_VALUE;
        int concurrency = 16;
        // Defaults that finish within a minute here, start of the service (about 14 s) included.
        double duration = 8;
        Double warmup = 21.0;
        boolean jdk = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) return null;
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!List.of("--calls", "--concurrency", "--duration", "--warmup", "--client").contains(name)) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
            if (value == null) throw new IllegalArgumentException(name + " needs a value");
            switch (name) {
                case "--calls" -> calls = number(name, value, 1);
                case "--concurrency" -> concurrency = (int) number(name, value, 1);
                case "--duration" -> duration = seconds(name, value, 0.1);
                case "--warmup" -> warmup = value.strip().equals("auto") ? null : seconds(name, value, 0);
                case "--client" -> {
                    if (!value.equals("socket") && !value.equals("jdk")) throw new IllegalArgumentException("--client is socket or jdk, not '" + value + "'");
                    jdk = value.equals("jdk");
                }
                default -> throw new IllegalStateException(name);
            }
        }
        if (concurrency > 1000) throw new IllegalArgumentException("--concurrency is at most 1000");
        return new Options(calls, concurrency, duration, warmup, jdk);
    }

    private static long number(String name, String value, long min) {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min) return n;
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least " + min + ", not '" + value + "'");
    }

    private static double seconds(String name, String value, double min) {
        try {
            double s = Double.parseDouble(value.strip());
            if (s >= min && s <= 3600) return s;
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(name + " must be seconds between " + min + " and 3600, not '" + value + "'");
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
