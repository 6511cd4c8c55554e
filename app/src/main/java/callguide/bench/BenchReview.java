package callguide.bench;

import callguide.account.AccountDao;
import callguide.account.Accounts;
import callguide.account.Role;
import callguide.assist.AnswerIndex;
import callguide.assist.Assist;
import callguide.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench-review}: what a supervisor waits for on the database as it is, measured over real HTTP against
 * the service started in this process, one request at a time. The last line is the summary.
 */
public final class BenchReview {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String USAGE = """
            usage: java -jar callguide.jar bench-review [--requests N]
              Starts the service on the configured database (DATABASE_URL, or the embedded PostgreSQL in DATA_DIR),
              signs in as a supervisor and times, one request at a time, N requests (default 200) of each: the review
              list (default, filtered by handler, by outcome, by a month's dates, sorted by each column, page 500 by
              its link and by its number), a call's timeline, insights for the last 30 days and the last 12 months;
              then exports a month and a year as CSV (rows/s and the service's heap while it streams) and times
              answer steps on this database and on an empty one. Run `generate` first to fill the database.""";
    private static final Pattern NEXT = Pattern.compile("href=\"(/review\\?[^\"]*)\"[^>]*rel=\"next\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient http = HTTP;
    private final String base;
    private final Service.Starter starter;
    private final List<Scenario.Step> path;
    private String supervisor;

    private BenchReview(int port, Service.Starter starter, List<Scenario.Step> path) {
        this.starter = starter;
        this.path = path;
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args, Service.Starter starter) throws Exception {
        int requests = 200;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            String problem = null;
            if (args[i].equals("--requests") && i + 1 < args.length) {
                String v = args[++i];
                try {
                    requests = Integer.parseInt(v.strip());
                } catch (NumberFormatException e) {
                    requests = 0;
                }
                if (requests < 1) problem = "--requests must be a whole number of at least 1, not '" + v + "'";
            } else {
                problem = args[i].equals("--requests") ? "--requests needs a value" : "unknown option " + args[i];
            }
            if (problem != null) {
                System.err.println("bench-review: " + problem);
                System.err.println(USAGE);
                System.exit(2);
                return;
            }
        }
        Config config = Config.from(benchEnvironment(System.getenv())).withPort(0);
        AnswerIndex answers = Assist.answerIndex(config.contacts());
        String summary;
        try (Service app = starter.start(config, Clock.systemUTC(), answers)) {
            summary = new BenchReview(app.port(), starter, Scenario.CLIENT_COMPLAINT.path(Scenario.intake(config), java.time.LocalDate.now())).run(app, requests, answers);
        }
        System.out.println(summary);
    }

    /**
     * The service it measures runs in this process on a loopback port and hears no webhook, so on a shared database
     * (which asks for a Twilio token of one's own) it needs none: a random one is made for the run.
     */
    static Map<String, String> benchEnvironment(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("HOST", "127.0.0.1");
        if (!env.getOrDefault("DATABASE_URL", "").isBlank() && env.getOrDefault("TWILIO_AUTH_TOKEN", "").isBlank()) {
            env.put("TWILIO_AUTH_TOKEN", "bench-" + UUID.randomUUID());
        }
        return env;
    }

    private String run(Service app, int n, AnswerIndex answers) throws Exception {
        long t0 = System.nanoTime();
        var jdbi = app.database().jdbi();
        long calls = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM calls").mapTo(Long.class).one());
        long events = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM call_events").mapTo(Long.class).one());
        if (calls == 0) throw new IllegalStateException("no calls in the database: run `generate --calls N` first");
        List<String> handlers = jdbi.withHandle(h -> h.createQuery(
                "SELECT handler_id FROM calls GROUP BY handler_id ORDER BY count(*) DESC").mapTo(String.class).list());
        List<String> outcomes = jdbi.withHandle(h -> h.createQuery(
                "SELECT outcome_code FROM calls WHERE outcome_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC").mapTo(String.class).list());
        // Calls from anywhere in the table, not only the newest.
        List<UUID> sampled = jdbi.withHandle(h -> h.createQuery("SELECT id FROM calls TABLESAMPLE BERNOULLI (:pct) LIMIT :n")
                .bind("pct", Math.min(100.0, 200.0 * n / calls)).bind("n", n).mapTo(UUID.class).list());
        // A sample of a few pages may by chance hold no row at all: then a few calls at random, the slow way.
        List<UUID> sample = !sampled.isEmpty() ? sampled : jdbi.withHandle(h -> h.createQuery("SELECT id FROM calls ORDER BY random() LIMIT :n")
                .bind("n", n).mapTo(UUID.class).list());
        System.out.printf(Locale.ROOT, "bench-review: %d calls, %d events, %d handlers, %d outcomes; %d requests each, one at a time%n",
                calls, events, handlers.size(), outcomes.size(), n);
        supervisor = signIn(app, base, "bench-supervisor", Role.supervisor);
        LocalDate today = LocalDate.now(UK);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);

        Map<String, IntFunction<String>> lists = new LinkedHashMap<>();
        lists.put("default", i -> "/review");
        lists.put("by handler", i -> "/review?handler=" + enc(handlers.get(i % Math.min(handlers.size(), 10))));
        if (!outcomes.isEmpty()) lists.put("by outcome", i -> "/review?outcome=" + enc(outcomes.get(i % outcomes.size())));
        lists.put("by date range", i -> {
            LocalDate from = today.minusDays(30 + rnd.nextInt(365));
            return "/review?from=" + from + "&to=" + from.plusDays(30);
        });
        lists.put("sorted by started, oldest first", i -> "/review?sort=started&dir=asc");
        lists.put("sorted by handler", i -> "/review?sort=handler&dir=asc");
        lists.put("sorted by status", i -> "/review?sort=status&dir=asc");
        lists.put("sorted by outcome", i -> "/review?sort=outcome&dir=asc");
        lists.put("sorted by time taken", i -> "/review?sort=duration&dir=desc");
        lists.put("page 500 by number", i -> "/review?page=500");
        // Page 499 found by its number, then its Next link: the same address as 499 Next links from page 1, sooner.
        String page500 = followNext("/review?page=499", 1);
        if (page500 != null) lists.put("page 500 by its link", i -> page500);

        warm(lists.values(), sample);
        double listWorst = 0;
        for (var e : lists.entrySet()) {
            Samples s = time(n, e.getValue(), 200);
            System.out.println("list " + e.getKey() + ": " + s);
            listWorst = Math.max(listWorst, s.ms(99));
        }
        Samples timeline = time(n, i -> "/review/calls/" + sample.get(i % sample.size()), 200);
        System.out.println("timeline: " + timeline);
        double insightsWorst = 0;
        for (String period : List.of("30", "365")) {
            Samples s = time(n, i -> "/review/insights?period=" + period, 200);
            System.out.println("insights last " + (period.equals("30") ? "30 days" : "12 months") + ": " + s);
            insightsWorst = Math.max(insightsWorst, s.ms(99));
        }

        LocalDate month = today.withDayOfMonth(1).minusMonths(1);
        csv("/review/calls.csv?from=" + month.plusDays(20) + "&to=" + month.plusMonths(1).minusDays(1), 1); // unmeasured: compiles the export's path
        Csv monthCsv = csv("/review/calls.csv?from=" + month + "&to=" + month.plusMonths(1).minusDays(1), 3);
        System.out.println("csv one month: " + monthCsv);
        Csv yearCsv = csv("/review/calls.csv?from=" + today.minusMonths(12), 1);
        System.out.println("csv twelve months: " + yearCsv);

        Samples loaded = answerSteps(base, 30, signIn(app, base, "bench-handler", Role.handler));
        System.out.println("answer step on this database: " + loaded);
        Samples empty = emptyDatabaseSteps(answers);
        System.out.println("answer step on an empty database: " + empty);
        System.out.printf(Locale.ROOT, "bench-review: took %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return String.format(Locale.ROOT, "bench-review: %d calls, list p99 %.0f ms, timeline p99 %.0f ms, insights p99 %.0f ms, csv %d rows/s",
                calls, listWorst, timeline.ms(99), insightsWorst, Math.round(monthCsv.rowsPerSecond()));
    }

    /**
     * Signs in as the API requires: accounts of its own (random passwords, made in this process, replaced on each
     * run), then {@code POST /api/sessions} for a bearer token, which the pages accept as a browser's cookie.
     */
    private static String signIn(Service app, String base, String username, Role role) throws Exception {
        String password = Accounts.randomToken();
        app.database().jdbi().useHandle(h -> h.execute("DELETE FROM accounts WHERE username = ?", username));
        new Accounts(new AccountDao(app.database().jdbi()), Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(12))
                .createPrivate(username, role, password);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) throw new IllegalStateException("sign-in refused: " + r.statusCode() + " " + r.body());
        return "Bearer " + m.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", supervisor).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": "
                + r.body().substring(0, Math.min(300, r.body().length())));
        return r;
    }

    /** The address of the page {@code hops} Next links on from {@code path}, as a supervisor paging through would reach it. */
    private String followNext(String path, int hops) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < hops; i++) {
            Matcher m = NEXT.matcher(get(path).body());
            if (!m.find()) return null;
            path = m.group(1).replace("&amp;", "&");
        }
        System.out.printf(Locale.ROOT, "followed %d Next links in %.1f s to %s%n", hops, (System.nanoTime() - t0) / 1e9, path);
        return path;
    }

    /** A few unmeasured rounds, so the JIT and PostgreSQL's caches are as they would be in service. */
    private void warm(java.util.Collection<IntFunction<String>> lists, List<UUID> sample) throws Exception {
        for (int i = 0; i < 10; i++) {
            for (IntFunction<String> l : lists) get(l.apply(i));
            get("/review/calls/" + sample.get(i % sample.size()));
        }
        get("/review/insights?period=30");
        get("/review/insights?period=365");
    }

    private Samples time(int n, IntFunction<String> path, int expected) throws Exception {
        Samples s = new Samples();
        for (int i = 0; i < n; i++) {
            String p = path.apply(i);
            long t0 = System.nanoTime();
            get(p);
            s.add(System.nanoTime() - t0);
        }
        return s;
    }

    record Csv(long rows, double seconds, long bytes, long heapBeforeMb, long heapPeakMb, long liveAfterGcMb) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d rows, %.1f MB in %.2f s = %.0f rows/s; heap %d MB before, at most %d MB in use"
                    + " while streaming, at most %d MB live after a collection", rows, bytes / 1e6, seconds, rowsPerSecond(), heapBeforeMb,
                    heapPeakMb, liveAfterGcMb);
        }
    }

    /**
     * Downloads the export {@code times} times, reading it as it arrives, and samples the heap of this process
     * (the service's) meanwhile: a streamed export keeps it flat whatever the number of rows.
     */
    private Csv csv(String path, int times) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        // What survives each collection: garbage comes and goes, rows held in memory would show here.
        List<java.lang.management.MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        AtomicLong live = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                live.accumulateAndGet(pools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long rows = 0, bytes = 0;
        long t0 = System.nanoTime();
        byte[] buffer = new byte[64 * 1024];
        for (int t = 0; t < times; t++) {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", supervisor).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
            try (InputStream in = r.body()) {
                for (int k; (k = in.read(buffer)) > 0; ) {
                    bytes += k;
                    for (int i = 0; i < k; i++) if (buffer[i] == '\n') rows++;
                }
            }
            rows--; // the header
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        done.set(true);
        sampler.join();
        return new Csv(rows, seconds, bytes, before >> 20, peak.get() >> 20, live.get() >> 20);
    }

    /** Answer steps through the JSON API, one at a time: {@code calls} calls of ten steps each. */
    private Samples answerSteps(String base, int calls, String handler) throws Exception {
        Samples s = new Samples();
        for (int c = -3; c < calls; c++) { // three unmeasured calls first
            HttpResponse<String> started = post(base, handler, "/api/calls", "{\"flow\":\"intake\"}", 201);
            Matcher m = ID.matcher(started.body());
            if (!m.find()) throw new IllegalStateException("no call id in " + started.body());
            for (Scenario.Step step : path) {
                long t0 = System.nanoTime();
                post(base, handler, "/api/calls/" + m.group(1) + "/answers", "{\"question\":\"" + step.question() + "\",\"answer\":\"" + step.answer() + "\"}", 200);
                if (c >= 0) s.add(System.nanoTime() - t0);
            }
        }
        return s;
    }

    private HttpResponse<String> post(String base, String token, String path, String json, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        return r;
    }

    /** The same answer steps against the service on a new, empty embedded PostgreSQL, deleted afterwards. */
    private Samples emptyDatabaseSteps(AnswerIndex answers) throws Exception {
        Path temp = Files.createTempDirectory("callguide-bench-review");
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.remove("DATABASE_URL");
            env.put("DATA_DIR", temp.toString());
            try (Service empty = starter.start(Config.from(env).withPort(0), Clock.systemUTC(), answers)) {
                String emptyBase = "http://127.0.0.1:" + empty.port();
                return answerSteps(emptyBase, 30, signIn(empty, emptyBase, "bench-handler", Role.handler));
            }
        } finally {
            try (Stream<Path> paths = Files.walk(temp)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    /** Latencies in nanoseconds; p50 and p99 by nearest rank. */
    static final class Samples {
        private long[] values = new long[256];
        private int size;

        void add(long nanos) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = nanos;
        }

        double ms(int percentile) {
            if (size == 0) return 0;
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percentile / 100.0 * size);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms over %d requests", ms(50), ms(99), size);
        }
    }
}
