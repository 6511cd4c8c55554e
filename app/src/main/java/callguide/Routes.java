package callguide;

import callguide.account.Accounts;
import callguide.assist.Assist;
import callguide.call.CallService;
import callguide.call.FlowCatalog;
import callguide.call.Nation;
import callguide.call.WorkingCalendar;
import callguide.flow.IntakeRules;
import callguide.flow.Renderer;
import callguide.guide.AssistApi;
import callguide.guide.CallApi;
import callguide.guide.CallStartLimit;
import callguide.guide.CallViews;
import callguide.guide.CheckPages;
import callguide.guide.FlowApi;
import callguide.guide.HomePage;
import callguide.guide.OutcomePages;
import callguide.guide.PhonePanels;
import callguide.guide.QuestionPages;
import callguide.guide.SearchPages;
import callguide.guide.SuggestionPanel;
import callguide.guide.TransferPages;
import callguide.review.CallReads;
import callguide.review.InsightsDao;
import callguide.review.InsightsPage;
import callguide.review.ReviewDao;
import callguide.review.ReviewPages;
import callguide.review.TimelinePage;
import callguide.store.Database;
import callguide.telephony.Telephony;
import callguide.telephony.TransferRefused;
import callguide.web.Access;
import callguide.web.Assets;
import callguide.web.Body;
import callguide.web.ClientAddress;
import callguide.web.Errors;
import callguide.web.Gate;
import callguide.web.InputCheck;
import callguide.web.JteRenderer;
import callguide.web.Security;
import callguide.web.SessionApi;
import callguide.web.SignInPages;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.beforeMatched;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

/** The one route table: every route names who may use it, and {@link Gate} decides each request from that. */
public final class Routes {
    private Routes() {}

    public record Services(Database database, FlowCatalog flows, CallService calls, Renderer renderer,
                           WorkingCalendar calendar, Nation defaultNation, ObjectMapper json,
                           Accounts accounts, ReviewDao review, Clock clock, Telephony telephony, Assist assist,
                           ClientAddress clientAddress, boolean https, int callsPerMinute, callguide.casework.CaseService cases) {}

    /** One route as the table declares it, for the start-up check and the tests that walk the table. */
    public record Route(String method, String path, Set<RouteRole> roles) {}

    private static final Access[] SIGNED_IN = {Access.HANDLER, Access.SUPERVISOR, Access.TEAM_LEADER, Access.CRT_CASEWORKER, Access.CRT_TEAM_LEADER};
    private static final Access[] READ_CALL = {Access.HANDLER, Access.SUPERVISOR, Access.TEAM_LEADER, Access.OWN_CALL};
    private static final Access[] REVIEW = {Access.SUPERVISOR, Access.TEAM_LEADER};
    private static final Access HANDLER = Access.HANDLER;
    private static final Access OWN_CALL = Access.OWN_CALL;
    /** A request's line and headers: past Jetty's 8 KiB, so a 100 KiB query value reaches InputCheck, which refuses it in words (Jetty's own 414 has none). */
    private static final int REQUEST_HEAD_BYTES = 512 * 1024;
    private static final Access ANYONE = Access.ANYONE;

    public static Javalin create(Services s) {
        return create(s, new ArrayList<>());
    }

    /** Builds the service; {@code table} receives every route with its roles as the table declares it. */
    public static Javalin create(Services s, List<Route> table) {
        FlowApi flows = new FlowApi(s.flows(), s.renderer(), s.calendar(), s.defaultNation(), s.json(), s.calls()::today);
        CallApi calls = new CallApi(s.calls(), s.json());
        SessionApi sessions = new SessionApi(s.accounts(), s.clientAddress(), s.json());
        SignInPages signIn = new SignInPages(s.accounts(), s.clientAddress());
        CallViews views = new CallViews(s.calls(), s.renderer(), s.clock(), new PhonePanels(s.telephony()));
        callguide.review.Titles titles = new callguide.review.Titles(s.flows().current(IntakeRules.FLOW).map(e -> e.flow()).orElse(null), s.renderer());
        HomePage home = new HomePage(s.calls(), s.review(), s.telephony(), titles, s.clock());
        QuestionPages questions = new QuestionPages(views, new SuggestionPanel(s.assist().suggester(), s.assist().suggestions()));
        SearchPages search = new SearchPages(views, s.assist());
        CheckPages check = new CheckPages(views);
        OutcomePages outcome = new OutcomePages(views, s.json(), s.assist().caseNotes(), titles);
        TransferPages transfer = new TransferPages(views, outcome, Routes::refusalStatus);
        ReviewPages review = new ReviewPages(s.review(), titles);
        TimelinePage timeline = new TimelinePage(s.calls(), s.renderer(), titles, s.review(), s.json(), s.clock(), s.telephony());
        InsightsPage insights = new InsightsPage(new InsightsDao(s.database().jdbi()),
                s.flows().current(IntakeRules.FLOW).map(e -> e.flow()).orElse(null), s.renderer(), s.clock());
        AssistApi assist = new AssistApi(s.assist(), s.json());
        Gate gate = new Gate(s.accounts(), new CallReads(s.review(), s.clock()), s.telephony()::verify);
        CallStartLimit starts = new CallStartLimit(s.database().jdbi(), s.callsPerMinute());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = Body.MAX_BYTES;
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEAD_BYTES));
            config.jsonMapper(new JavalinJackson(s.json(), false));
            config.validation.register(UUID.class, UUID::fromString);
            config.fileRenderer(new JteRenderer());
            Assets.register(config);
            Errors.register(config);
            Errors.refusal(config, TransferRefused.class, Routes::refusalStatus, e -> e.reason().name(),
                    e -> e.manual() == null ? Map.of() : Map.of("manual", e.manual()));
            // Closed by default: a route that names no one who may use it stops the service from starting.
            config.events.serverStopping(home::close);
            config.events.handlerAdded(h -> {
                if (!h.getHttpMethod().isHttpMethod()) return;
                table.add(new Route(h.getHttpMethod().name(), h.getPath(), Set.copyOf(h.getRoles())));
                refuseOpenRoute(h.getHttpMethod().name(), h.getPath(), h.getRoles());
            });
            config.routes.apiBuilder(() -> {
                before(Security.headers(s.https()));
                before(InputCheck::checkUnlessWebhook);
                beforeMatched(gate::check);
                get("/assets/<path>", Assets.govuk("/assets"), ANYONE);
                get("/govuk/<path>", Assets.govuk(""), ANYONE);
                get("/htmx/<path>", Assets.htmx(), ANYONE);
                get("/health", ctx -> {
                    boolean up = s.database().answers();
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "database_unavailable"));
                }, ANYONE);
                var cases = CaseRoutes.add(s.cases(), s.json(), s.calls(), s.telephony(), s.renderer(), s.assist().caseNotes()::caseNote);
                get("/sign-in", signIn::show, ANYONE);
                post("/sign-in", signIn::signIn, ANYONE);
                post("/sign-out", signIn::signOut, SIGNED_IN);
                post("/keep-alive", signIn::keepAlive, SIGNED_IN);

                // The handler's pages: only their own calls, and any handler may take a phone call still waiting.
                get("/", CaseRoutes.home(home::show, cases::queue), SIGNED_IN);
                post("/calls", starts.limited(home::start), HANDLER);
                get("/calls/waiting", home::waiting, SIGNED_IN);
                path("/calls/{id}", () -> {
                    get(questions::open, HANDLER, OWN_CALL);
                    post("/take", home::take, HANDLER, Access.WAITING_CALL);
                    get("/questions/{question}", questions::show, HANDLER, OWN_CALL);
                    post("/questions/{question}", questions::answer, HANDLER, OWN_CALL);
                    post("/questions/{question}/suggest", questions::suggest, HANDLER, OWN_CALL);
                    get("/search", search::show, HANDLER, OWN_CALL);
                    get("/check", check::show, HANDLER, OWN_CALL);
                    post("/check", check::confirm, HANDLER, OWN_CALL);
                    get("/outcome", outcome::show, HANDLER, OWN_CALL);
                    get("/summary", outcome::summary, READ_CALL);
                    post("/notes", outcome::addNote, HANDLER, OWN_CALL);
                    post("/checklist", outcome::tick, HANDLER, OWN_CALL);
                    post("/end", questions::end, HANDLER, OWN_CALL);
                    get("/warm-transfer", transfer::show, HANDLER, OWN_CALL);
                    post("/warm-transfer", transfer::start, HANDLER, OWN_CALL);
                    post("/warm-transfer/complete", transfer::complete, HANDLER, OWN_CALL);
                });

                // Supervisors and team leaders read every call; each look at one is logged.
                get("/review", review::list, REVIEW);
                get("/review/calls.csv", review::csv, REVIEW);
                get("/review/calls/{id}", timeline::show, Access.SUPERVISOR, Access.TEAM_LEADER, OWN_CALL);
                get("/review/insights", insights::show, REVIEW);
                get("/review/access-log", review::accessLog, REVIEW);

                path("/api", () -> {
                    post("/sessions", sessions::open, ANYONE);
                    delete("/sessions", sessions::close, SIGNED_IN);
                    path("/flows", () -> {
                        get(flows::list, SIGNED_IN);
                        get("/{id}", flows::show, SIGNED_IN);
                        post("/{id}/simulate", flows::simulate, SIGNED_IN);
                    });
                    path("/calls", () -> {
                        post(starts.limited(calls::start), HANDLER);
                        path("/{id}", () -> {
                            get(calls::show, READ_CALL);
                            post("/take", s.telephony()::takeCall, HANDLER, Access.WAITING_CALL);
                            get("/events", calls::events, READ_CALL);
                            post("/answers", calls::answer, HANDLER, OWN_CALL);
                            post("/notes", calls::note, HANDLER, OWN_CALL);
                            get("/transcript", s.telephony()::transcript, READ_CALL);
                            get("/transcript/stream", s.telephony()::transcriptStream, READ_CALL);
                            get("/warm-transfer", s.telephony()::showTransfer, READ_CALL);
                            post("/warm-transfer", s.telephony()::startTransfer, HANDLER, OWN_CALL);
                            post("/warm-transfer/complete", s.telephony()::completeTransfer, HANDLER, OWN_CALL);
                            post("/suggestions", assist::recordSuggestion, HANDLER, OWN_CALL);
                            get("/summary", assist::summary, READ_CALL);
                        });
                    });
                    path("/assist", () -> {
                        post("/suggest", assist::suggest, HANDLER);
                        get("/search", assist::search, SIGNED_IN);
                        post("/ask", assist::ask, SIGNED_IN);
                    });
                });

                // Twilio's webhooks: the signature is checked before any of them runs.
                path("/twilio", () -> {
                    post("/voice", s.telephony()::voice, Access.TWILIO);
                    post("/status", s.telephony()::status, Access.TWILIO);
                    post("/dial-ended", s.telephony()::dialEnded, Access.TWILIO);
                    post("/transcription", s.telephony()::transcription, Access.TWILIO);
                    post("/conference", s.telephony()::conference, Access.TWILIO);
                });
            });
        });
    }

    /** The status of each refused warm-transfer request, for the API and the handler's page alike. */
    static int refusalStatus(TransferRefused refused) {
        return switch (refused.reason()) {
            case unknown_team -> 400;
            case transfer_unavailable, transfer_wrong_state -> 409;
            case not_transferable -> 422;
        };
    }

    /** Every route names who may use it, and a route on one call names how the call must relate to them. */
    static void refuseOpenRoute(String method, String path, Set<? extends RouteRole> roles) {
        boolean who = Access.among(roles).anyMatch(a -> a == Access.ANYONE || a == Access.TWILIO || a.isPerson());
        if (!who) throw new IllegalStateException(method + " " + path + " names no role: every route must say who may use it");
        boolean onOneCall = path.matches("(/api)?(/review)?/calls/\\{id}.*");
        boolean scoped = Access.among(roles).anyMatch(Access::isCallScope);
        if (onOneCall && !scoped) throw new IllegalStateException(method + " " + path + " acts on one call but names no call scope (OWN_CALL or WAITING_CALL)");
    }
}
