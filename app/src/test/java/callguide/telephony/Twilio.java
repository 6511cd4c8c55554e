package callguide.telephony;

import callguide.support.TestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/** Sends webhooks as Twilio does, signed by Twilio's published algorithm, and reads TwiML. */
final class Twilio {
    static final String TOKEN = "test-auth-token-0123456789abcdef";
    static final String PUBLIC = "https://callguide.example.org";

    private final TestApp app;
    private final String token;

    Twilio(TestApp app) {
        this(app, TOKEN);
    }

    /** Signing with another token: the development token, for a service with no Twilio credentials. */
    Twilio(TestApp app, String token) {
        this.app = app;
        this.token = token;
    }

    /** Base64(HMAC-SHA1(token, url + each field name and value, sorted by name)). */
    static String signature(String token, String url, Map<String, String> params) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String data = url + new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining());
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    TestApp.Response post(String path, Map<String, String> params) {
        return send(path, params, Map.of("X-Twilio-Signature", signature(token, PUBLIC + path, params)));
    }

    TestApp.Response send(String path, Map<String, String> params, Map<String, String> headers) {
        return app.postForm(path, headers, form(params));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static String xpath(String xml, String expression) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    /** An inbound call arriving at this number; returns the guided call's id. */
    String inbound(String callSid, String to) {
        TestApp.Response r = post("/twilio/voice", params("CallSid", callSid, "AccountSid", "AC" + "00".repeat(16),
                "From", "+447700900123", "To", to, "CallStatus", "ringing", "Direction", "inbound"));
        if (r.status() != 200) throw new AssertionError("voice webhook: " + r.status() + " " + r.text());
        return r.raw().headers().firstValue("X-Callguide-Call").orElseThrow();
    }

    /** An inbound call that handler h1 then takes on their screen, so it is theirs to read and answer. */
    String inboundTaken(String callSid, String to) {
        String id = inbound(callSid, to);
        TestApp.Response r = app.post("/api/calls/" + id + "/take", "");
        if (r.status() != 200) throw new AssertionError("taking the call: " + r.status() + " " + r.text());
        return id;
    }

    void handlerAnswers(String callSid, String handlerLeg) {
        TestApp.Response r = post("/twilio/status", params("CallSid", handlerLeg, "ParentCallSid", callSid, "CallStatus", "in-progress",
                "SequenceNumber", "2"));
        if (r.status() != 204) throw new AssertionError("status webhook: " + r.status() + " " + r.text());
    }

    TestApp.Response line(String callSid, int sequence, String track, String text) {
        return post("/twilio/transcription", params("CallSid", callSid, "TranscriptionEvent", "transcription-content",
                "TranscriptionSid", "GT01", "SequenceId", String.valueOf(sequence), "Track", track, "Final", "true",
                "Timestamp", "2026-11-27T10:00:0" + sequence + "Z",
                "TranscriptionData", "{\"transcript\":\"" + text + "\",\"confidence\":0.93}"));
    }
}
