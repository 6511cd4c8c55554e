package callguide.casework;

import callguide.account.Account;
import callguide.account.Role;
import callguide.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The CRT API as one signed-in person uses it, with their Bearer token. */
final class CaseClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final TestApp app;
    final String token;

    private CaseClient(TestApp app, String token) {
        this.app = app;
        this.token = token;
    }

    static CaseClient as(TestApp app, String username, Role role) {
        var accounts = app.accounts();
        Account account = accounts.check(username, username + "-password-1")
                .orElseGet(() -> accounts.create(username, role, username + "-password-1"));
        return new CaseClient(app, accounts.openSignIn(account));
    }

    TestApp.Response get(String path) {
        return send(HttpRequest.newBuilder(app.uriOf(path)).header("Authorization", "Bearer " + token).GET().build());
    }

    TestApp.Response post(String path, Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(app.uriOf(path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text)).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    TestApp.Response open(String callId) {
        return post("/api/cases", Map.of("call", callId));
    }

    TestApp.Response manual(Map<String, Object> manual) {
        return post("/api/cases", Map.of("manual", manual));
    }

    TestApp.Response move(String caseId, int version, String move, Map<String, String> fields) {
        return post("/api/cases/" + caseId + "/moves", Map.of("move", move, "version", version, "fields", fields));
    }

    /** Makes the move on the version the case is at now; fails the test if it is refused. */
    JsonNode moveNow(String caseId, String move, Map<String, String> fields) {
        int version = get("/api/cases/" + caseId).json().get("version").asInt();
        TestApp.Response r = move(caseId, version, move, fields);
        if (r.status() != 200) throw new AssertionError(move + ": " + r.status() + " " + r.text());
        return r.json();
    }

    static TestApp.Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? JSON.missingNode() : readOrMissing(r.body());
            return new TestApp.Response(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readOrMissing(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** A guided call answered as the flow asks, from these answers, to its outcome. */
    static String guidedCall(TestApp app, Map<String, String> answers) {
        String id = app.post("/api/calls", "{\"flow\":\"intake\",\"handler\":\"h1\"}").field("/id");
        for (int i = 0; i < 30; i++) {
            TestApp.Response call = app.get("/api/calls/" + id);
            if ("completed".equals(call.field("/status"))) return id;
            String q = call.field("/step/question");
            String a = answers.get(q);
            if (a == null) throw new AssertionError("the flow asks " + q + ", which the test does not answer");
            TestApp.Response r = app.answer(id, q, a);
            if (r.status() != 200) throw new AssertionError(q + ": " + r.text());
        }
        throw new AssertionError("no outcome after 30 answers");
    }

    static final Map<String, String> MP_COMPLAINT_BY_PHONE = Map.of("contact_route", "mp_hotline", "region", "gb",
            "caller", "mp_mla", "staff_conduct", "no", "mp_purpose", "complaint");
    static final Map<String, String> MP_STAFF_CONDUCT = Map.of("contact_route", "mp_hotline", "region", "ni",
            "caller", "mp_mla", "staff_conduct", "yes", "mp_purpose", "complaint");
    static final Map<String, String> ICE_FAILED_GATEWAY = Map.of("contact_route", "written", "region", "gb",
            "caller", "ice", "staff_conduct", "no", "ice_contact", "failed_gateway");

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
