package callguide.web;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.sse;

import callguide.account.Accounts;
import callguide.assist.Assist;
import callguide.call.CallService;
import callguide.call.FlowCatalog;
import callguide.call.Nation;
import callguide.call.WorkingCalendar;
import callguide.flow.Renderer;
import callguide.review.InsightsDao;
import callguide.review.InsightsPage;
import callguide.review.ReviewDao;
import callguide.review.ReviewPages;
import callguide.review.TimelinePage;
import callguide.store.Database;
import callguide.telephony.Telephony;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;

/** The one route table. */
public final class Routes {
    private Routes() {}

    public record Services(Database database, FlowCatalog flows, CallService calls, Renderer renderer,
                           WorkingCalendar calendar, Nation defaultNation, ObjectMapper json,
                           Accounts accounts, ReviewDao review, Clock clock, Telephony telephony, Assist assist,
                           callguide.casework.CaseService cases) {}

    public static Javalin create(Services s) {
        FlowApi flows = new FlowApi(s.flows(), s.renderer(), s.calendar(), s.defaultNation(), s.json(), s.calls()::today);
        CallApi calls = new CallApi(s.calls(), s.json());
        Security security = new Security(s.accounts());
        SignInPages signIn = new SignInPages(s.accounts());
        CallViews views = new CallViews(s.calls(), s.renderer(), s.clock(), new PhonePanels(s.telephony()));
        HomePage home = new HomePage(s.calls(), s.review(), s.telephony());
        QuestionPages questions = new QuestionPages(views, new SuggestionPanel(s.assist().suggester(), s.assist().suggestions()));
        SearchPages search = new SearchPages(views, s.assist());
        CheckPages check = new CheckPages(views);
        OutcomePages outcome = new OutcomePages(views, s.json(), s.assist().caseNotes());
        TransferPages transfer = new TransferPages(views, outcome);
        ReviewPages review = new ReviewPages(s.review());
        TimelinePage timeline = new TimelinePage(s.calls(), s.renderer(), s.review(), s.json(), s.clock(), s.telephony());
        InsightsPage insights = new InsightsPage(new InsightsDao(s.database().jdbi()),
                s.flows().current("intake").map(e -> e.flow()).orElse(null), s.renderer(), s.clock());
        AssistApi assist = new AssistApi(s.assist(), s.json());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = Body.MAX_BYTES;
            config.jsonMapper(new JavalinJackson(s.json(), false));
            config.fileRenderer(new JteRenderer());
            Assets.register(config);
            Errors.register(config);
            config.routes.apiBuilder(() -> {
                before(Security::headers);
                CaseRoutes.add(s.cases(), s.accounts(), s.json(), s.calls(), s.telephony());
                get("/assets/<path>", Assets.govuk("/assets"));
                get("/govuk/<path>", Assets.govuk(""));
                get("/htmx/<path>", Assets.htmx());
                // Pages, for people signed in; the JSON API below stays open to its integrations.
                get("/sign-in", signIn::show);
                post("/sign-in", signIn::signIn);
                post("/sign-out", security.signedIn(signIn::signOut));
                post("/keep-alive", security.signedIn(signIn::keepAlive));
                get("/", security.signedIn(home::show));
                post("/calls", security.signedIn(home::start));
                get("/calls/{id}", security.signedIn(questions::open));
                post("/calls/{id}/take", security.signedIn(home::take));
                get("/calls/{id}/questions/{question}", security.signedIn(questions::show));
                post("/calls/{id}/questions/{question}", security.signedIn(questions::answer));
                post("/calls/{id}/questions/{question}/suggest", security.signedIn(questions::suggest));
                get("/calls/{id}/search", security.signedIn(search::show));
                get("/calls/{id}/check", security.signedIn(check::show));
                post("/calls/{id}/check", security.signedIn(check::confirm));
                get("/calls/{id}/outcome", security.signedIn(outcome::show));
                post("/calls/{id}/notes", security.signedIn(outcome::addNote));
                get("/calls/{id}/warm-transfer", security.signedIn(transfer::show));
                post("/calls/{id}/warm-transfer", security.signedIn(transfer::start));
                post("/calls/{id}/warm-transfer/complete", security.signedIn(transfer::complete));
                get("/review", security.reviewer(review::list));
                get("/review/calls.csv", security.reviewer(review::csv));
                get("/review/calls/{id}", security.reviewer(timeline::show));
                get("/review/insights", security.reviewer(insights::show));
                get("/review/access-log", security.reviewer(review::accessLog));
                get("/health", ctx -> {
                    boolean up = s.database().answers();
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "database_unavailable"));
                });
                path("/api", () -> {
                    path("/flows", () -> {
                        get(flows::list);
                        get("/{id}", flows::show);
                        post("/{id}/simulate", flows::simulate);
                    });
                    path("/calls", () -> {
                        post(calls::start);
                        get("/{id}", calls::show);
                        get("/{id}/events", calls::events);
                        post("/{id}/answers", calls::answer);
                        post("/{id}/notes", calls::note);
                        get("/{id}/transcript", s.telephony()::transcript);
                        sse("/{id}/transcript/stream", s.telephony()::transcriptStream);
                        get("/{id}/warm-transfer", s.telephony()::showTransfer);
                        post("/{id}/warm-transfer", s.telephony()::startTransfer);
                        post("/{id}/warm-transfer/complete", s.telephony()::completeTransfer);
                        post("/{id}/suggestions", assist::recordSuggestion);
                        get("/{id}/summary", assist::summary);
                    });
                    path("/assist", () -> {
                        post("/suggest", assist::suggest);
                        get("/search", assist::search);
                        post("/ask", assist::ask);
                    });
                });
                // Twilio's webhooks: the signature is checked before any of them runs.
                before("/twilio/*", s.telephony()::verify);
                before("/api/calls/{id}/transcript/stream", s.telephony()::requireCall);
                path("/twilio", () -> {
                    post("/voice", s.telephony()::voice);
                    post("/status", s.telephony()::status);
                    post("/dial-ended", s.telephony()::dialEnded);
                    post("/transcription", s.telephony()::transcription);
                    post("/conference", s.telephony()::conference);
                });
            });
        });
    }
}
