package callguide.casework;

import callguide.account.Role;
import callguide.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/** The CRT API as one signed-in person uses it, with the Bearer token from POST /api/sessions. */
final class CaseClient {
    static final ObjectMapper JSON = new ObjectMapper();
    final TestApp app;
    final TestApp.Client client;

    private CaseClient(TestApp app, TestApp.Client client) {
        this.app = app;
        this.client = client;
    }

    static CaseClient as(TestApp app, String username, Role role) {
        return new CaseClient(app, app.as(username, role));
    }

    TestApp.Response get(String path) {
        return client.get(path);
    }

    TestApp.Response post(String path, Object body) {
        try {
            return client.post(path, String.class.isInstance(body) ? (String) body : JSON.writeValueAsString(body));
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

    /** A guided call answered as the flow asks, from these answers, to its outcome. */
    static String guidedCall(TestApp app, Map<String, String> answers) {
        String id = app.post("/api/calls", "{\"flow\":\"intake\"}").field("/id");
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
