package callguide.web;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import callguide.assist.Assist;
import callguide.call.CallService;
import callguide.call.FlowCatalog;
import callguide.call.Nation;
import callguide.call.WorkingCalendar;
import callguide.flow.Renderer;
import callguide.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Map;

/** The one route table. */
public final class Routes {
    private Routes() {}

    public record Services(Database database, FlowCatalog flows, CallService calls, Renderer renderer,
                           WorkingCalendar calendar, Nation defaultNation, ObjectMapper json, Assist assist) {}

    public static Javalin create(Services s) {
        FlowApi flows = new FlowApi(s.flows(), s.renderer(), s.calendar(), s.defaultNation(), s.json(), s.calls()::today);
        CallApi calls = new CallApi(s.calls(), s.json());
        AssistApi assist = new AssistApi(s.assist(), s.json());
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
                        post("/{id}/suggestions", assist::recordSuggestion);
                        get("/{id}/summary", assist::summary);
                    });
                    path("/assist", () -> {
                        post("/suggest", assist::suggest);
                        get("/search", assist::search);
                        post("/ask", assist::ask);
                    });
                });
            });
        });
    }
}
