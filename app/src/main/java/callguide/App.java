package callguide;

import callguide.account.AccountDao;
import callguide.account.Accounts;
import callguide.account.AddAccount;
import callguide.assist.AnswerIndex;
import callguide.assist.Assist;
import callguide.assist.Evaluation;
import callguide.bench.Bench;
import callguide.bench.Service;
import callguide.call.CallDao;
import callguide.call.CallService;
import callguide.call.FlowCatalog;
import callguide.call.FlowVersionDao;
import callguide.call.WorkingCalendar;
import callguide.casework.CaseDao;
import callguide.casework.CaseService;
import callguide.casework.ProcessFlows;
import callguide.config.Config;
import callguide.config.Json;
import callguide.flow.FlowLoader;
import callguide.flow.InvalidFlow;
import callguide.flow.Renderer;
import callguide.flow.Vocabulary;
import callguide.guide.CallStartLimit;
import callguide.resolution.CaseEngine;
import callguide.resolution.ProcessFlow;
import callguide.review.ReviewDao;
import callguide.store.Database;
import callguide.store.EmbeddedServer;
import callguide.store.Jobs;
import callguide.telephony.CallSimulator;
import callguide.telephony.Telephony;
import callguide.telephony.WarmTransfer;
import callguide.web.ClientAddress;
import callguide.web.UkTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the service from its configuration, and runs it, validates its flows or benchmarks it. */
public final class App implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private final Database database;
    private final Javalin web;
    private final Telephony telephony;
    private final Assist assist;
    private final Jobs jobs;
    private final List<Routes.Route> routes;

    private App(Database database, Javalin web, Telephony telephony, Assist assist, Jobs jobs, List<Routes.Route> routes) {
        this.database = database;
        this.web = web;
        this.telephony = telephony;
        this.assist = assist;
        this.jobs = jobs;
        this.routes = List.copyOf(routes);
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException | org.flywaydb.core.api.FlywayException e) {
            // Our own refusals (a missing secret, no database, a bad flow) are a sentence; a library's is likely a bug, traced in full.
            if (e.getStackTrace().length == 0 || !e.getStackTrace()[0].getClassName().startsWith("callguide.")) throw e;
            System.err.println("callguide: " + e.getMessage());
            String said = String.valueOf(e.getMessage());
            for (Throwable c = e.getCause(); c != null && said.length() < 4000; c = c.getCause()) {
                if (c.getMessage() != null && said.contains(": " + c.getMessage())) continue;
                System.err.println("  because: " + c);
                said += c;
            }
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> {
                Config config = Config.fromEnvironment();
                App app = start(config, Clock.systemUTC());
                Runtime.getRuntime().addShutdownHook(new Thread(app::closeQuietly));
                System.out.println("Callguide is listening on http://" + config.host() + ":" + app.port());
            }
            case "validate" -> System.exit(validate(Config.fromEnvironment()));
            case "bench" -> Bench.main(Arrays.copyOfRange(args, 1, args.length), App::start);
            case "simulate-call" -> System.exit(CallSimulator.run(Config.fromEnvironment().telephony(),
                    Arrays.copyOfRange(args, 1, args.length), System.out));
            case "add-account" -> System.exit(AddAccount.run(Config.fromEnvironment().databaseUrl(), Config.fromEnvironment().dataDir(), Arrays.copyOfRange(args, 1, args.length)));
            case "eval-assist" -> Evaluation.main(Arrays.copyOfRange(args, 1, args.length));
            case "generate" -> callguide.bench.Generate.main(Arrays.copyOfRange(args, 1, args.length));
            case "bench-review" -> callguide.bench.BenchReview.main(Arrays.copyOfRange(args, 1, args.length), App::start);
            default -> {
                System.err.println("usage: java -jar callguide.jar [serve | validate | bench --help | simulate-call --help"
                        + " | add-account <username> <role> | eval-assist [file...] | generate --calls N | bench-review --help]");
                System.exit(2);
            }
        }
    }

    public static App start(Config config, Clock clock) {
        return start(config, clock, null);
    }

    /** Starts with the labelled examples already embedded (or embeds them when null), so one model load can serve many starts. */
    public static App start(Config config, Clock clock, AnswerIndex answers) {
        config.requireSecrets();
        config.requireClientSafeContacts();
        FlowLoader loader = new FlowLoader(Vocabulary.INTAKE);
        List<FlowCatalog.Entry> flows = FlowCatalog.read(loader, config.flowsDir());
        ProcessFlows.resolution(config.flowsDir(), true); // an invalid process flow stops the start before the database
        WorkingCalendar calendar = config.workingCalendar();
        warnIfBankHolidaysRunOut(calendar, clock);
        // Embedding the labelled examples is seconds of CPU that needs no database: done while PostgreSQL starts.
        CompletableFuture<AnswerIndex> index = answers != null ? CompletableFuture.completedFuture(answers)
                : CompletableFuture.supplyAsync(() -> Assist.answerIndex(config.contacts()));
        EmbeddedServer embedded = null;
        Database database = null;
        try {
            embedded = config.databaseUrl() == null ? EmbeddedServer.start(config.dataDir().resolve("postgres")).supervise() : null;
            database = Database.open(config.databaseUrl(), embedded, config.databasePoolSize(), config.limits().databaseWait());
            return wire(config, clock, database, loader, flows, calendar, index);
        } catch (RuntimeException e) {
            // Nothing of a start that failed outlives it: not the pool, not a PostgreSQL we started.
            closeAfterFailedStart(database, embedded, e);
            throw e;
        }
    }

    /** The examples' index once built; a failure to build it is thrown as itself, as if it had happened on this thread. */
    private static AnswerIndex built(CompletableFuture<AnswerIndex> index) {
        try {
            return index.join();
        } catch (CompletionException e) {
            if (RuntimeException.class.isInstance(e.getCause())) throw (RuntimeException) e.getCause();
            if (Error.class.isInstance(e.getCause())) throw (Error) e.getCause();
            throw e;
        }
    }

    private static void closeAfterFailedStart(Database database, EmbeddedServer embedded, RuntimeException failure) {
        try {
            if (database != null) database.close();
            else if (embedded != null) embedded.closeQuietly();
        } catch (Exception e) {
            failure.addSuppressed(e);
            if (embedded != null) embedded.closeQuietly();
        }
    }

    private static App wire(Config config, Clock clock, Database database, FlowLoader loader,
                            List<FlowCatalog.Entry> flows, WorkingCalendar calendar, CompletableFuture<AnswerIndex> index) {
        ObjectMapper json = Json.mapper();
        FlowCatalog catalog = new FlowCatalog(loader, flows, new FlowVersionDao(database.jdbi()));
        Renderer renderer = new Renderer(config.contacts());
        CallDao callDao = new CallDao(database.jdbi(), json);
        CallService calls = new CallService(callDao, catalog, renderer, calendar, config.defaultNation(), json, clock);
        Telephony telephony = new Telephony(config.telephony(), calls, callDao, database.events(), json, clock, config.limits().streamHeartbeat(),
                config.limits().streamsPerSignIn(), config.limits().streamsTotal());
        Assist assist = Assist.start(config.assist(), built(index), catalog, config.contacts(), calls, callDao, json, clock);
        // With a chat model, each outcome's summary is written in the background as the call reaches it.
        if (assist.summaries() != null) calls.onOutcome(assist.summaries());
        Accounts accounts = new Accounts(new AccountDao(database.jdbi()), clock, config.signInIdle(), config.signInMaxLifetime());
        // Demo accounts only where no one else could reach them: the embedded database, listening on loopback.
        if (config.loopbackDemo()) {
            accounts.createDemoAccounts();
        } else {
            List<String> published = accounts.withPublishedPasswords();
            if (!published.isEmpty()) {
                throw new IllegalStateException("refusing to start: " + String.join(", ", published) + " still "
                        + (published.size() == 1 ? "has its" : "have their") + " published demo password, and this service"
                        + " can be reached from other machines or uses a shared database. Change the password or remove the account.");
            }
        }
        ProcessFlow resolution = ProcessFlows.resolution(config.flowsDir());
        CaseService cases = new CaseService(new CaseDao(database.jdbi(), json, s -> resolution.stage(s) != null && resolution.stage(s).closes()),
                new CaseEngine(resolution), new CaseEngine(ProcessFlows.resolution(config.flowsDir(), true)), calls, clock);
        Jobs jobs = new Jobs(database.jdbi(), clock);
        jobs.every("clear-lapsed-sign-ins", Accounts.CLEAR_EVERY, accounts::clearLapsed);
        jobs.every("clear-lapsed-streams", Telephony.clearStreamsEvery(), telephony::clearLapsedStreams);
        jobs.every("sweep-warm-transfers", WarmTransfer.SWEEP_EVERY, telephony::sweepTransfers);
        jobs.every("clear-lapsed-call-starts", CallStartLimit.CLEAR_EVERY, () -> CallStartLimit.clearLapsed(database.jdbi()));
        List<Routes.Route> routes = new java.util.ArrayList<>();
        Javalin web = Routes.create(new Routes.Services(database, catalog, calls, renderer, calendar,
                config.defaultNation(), json, accounts, new ReviewDao(database.jdbi()), clock, telephony, assist,
                new ClientAddress(config.trustedProxies()), config.telephony().publicBaseUrl().startsWith("https://"),
                config.limits().callsPerMinute(), cases), routes)
                .start(config.host(), config.port());
        return new App(database, web, telephony, assist, jobs, routes);
    }

    /** Six months' notice to update BANK_HOLIDAYS_FILE before working-day deadlines become approximate. */
    static void warnIfBankHolidaysRunOut(WorkingCalendar calendar, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
        if (!calendar.runsOutBy(today.plusMonths(6))) return;
        LocalDate until = calendar.knownUntil();
        LOG.warn("The bank holidays known {}: a working-day deadline after that is shown as approximate. Update BANK_HOLIDAYS_FILE"
                + " with GOV.UK's bank-holidays.json (https://www.gov.uk/bank-holidays.json).",
                until == null ? "are missing for a nation" : (until.isBefore(today) ? "ended on " : "end on ") + until);
    }

    /** Checks every flow; prints each problem with its file and node. Exit status 0 when all are valid. */
    static int validate(Config config) {
        try {
            List<FlowCatalog.Entry> flows = FlowCatalog.read(new FlowLoader(Vocabulary.INTAKE), config.flowsDir());
            flows.forEach(e -> System.out.println("ok: " + e.flow().file() + " (" + e.flow().id() + " version " + e.flow().version() + ")"));
            ProcessFlow resolution = ProcessFlows.resolution(config.flowsDir());
            ProcessFlows.resolution(config.flowsDir(), true); // and in Northern Ireland's terms
            System.out.println("ok: " + resolution.file() + " (" + resolution.id() + " version " + resolution.version() + ")");
            return 0;
        } catch (InvalidFlow e) {
            e.problems().forEach(p -> System.out.println("invalid: " + p));
            return 1;
        }
    }



    public int port() {
        return web.port();
    }

    /** Every route with the roles the table gave it. */
    public List<Routes.Route> routes() {
        return routes;
    }

    public Database database() {
        return database;
    }

    public Telephony telephony() {
        return telephony;
    }

    /** The background jobs, each run by one node at a time. */
    public Jobs jobs() {
        return jobs;
    }

    @Override
    public void close() throws Exception {
        // Streams are ended while the server still runs, so screens are told and reconnect elsewhere.
        telephony.close();
        jobs.close();
        web.stop();
        assist.close(); // before the database: a summary being written is dropped, not half kept
        database.close();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
