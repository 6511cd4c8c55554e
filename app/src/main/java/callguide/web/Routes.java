package callguide.web;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.sse;

import callguide.call.CallService;
import callguide.call.FlowCatalog;
import callguide.call.Nation;
import callguide.call.WorkingCalendar;
import callguide.flow.Renderer;
import callguide.store.Database;
import callguide.telephony.Telephony;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Map;

/** The one route table. */
public final class Routes {
    private Routes() {}

    public record Services(Database database, FlowCatalog flows, CallService calls, Renderer renderer,
                           WorkingCalendar calendar, Nation defaultNation, ObjectMapper json,
                           Telephony telephony) {}

    public static Javalin create(Services s) {
        FlowApi flows = new FlowApi(s.flows(), s.renderer(), s.calendar(), s.defaultNation(), s.json(), s.calls()::today);
        CallApi calls = new CallApi(s.calls(), s.json());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = Body.MAX_BYTES;
            config.jsonMapper(new JavalinJackson(s.json(), false));
            Errors.register(config);
            config.routes.apiBuilder(() -> {
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
                    });
                });
                // Twilio's webhooks: the signature is checked before any of them runs.
                before("/twilio/*", s.telephony()::verify);
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
