package callguide.web;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whose address a sign-in attempt counts against: X-Forwarded-For is believed only from a trusted balancer. */
class ClientAddressTest {
    @Test
    void forwarded_for_counts_only_behind_a_trusted_proxy() throws Exception {
        for (var c : List.of(new Object[] {List.of(), "127.0.0.1"}, new Object[] {List.of("127.0.0.1"), "203.0.113.9"})) {
            @SuppressWarnings("unchecked") ClientAddress address = new ClientAddress((List<String>) c[0]);
            Javalin app = Javalin.create(config -> config.routes.get("/", ctx -> ctx.result(address.of(ctx)))).start("127.0.0.1", 0);
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/"))
                        .header("X-Forwarded-For", "198.51.100.1, 203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(c[1], r.body());
            } finally {
                app.stop();
            }
        }
    }
}
