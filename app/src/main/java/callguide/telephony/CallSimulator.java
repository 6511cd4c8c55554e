package callguide.telephony;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plays an inbound call against a running service through the same signed webhooks Twilio sends:
 * the call arrives, the handler answers, transcription starts and scripted lines are spoken.
 */
public final class CallSimulator {
    static final List<String> DEFAULT_LINES = List.of(
            "handler: Child Maintenance Service, you're through to the complaints line. How can I help?",
            "caller: I'm calling from my MP's office about a constituent's case.",
            "handler: Thank you. Is the case in Great Britain or Northern Ireland?",
            "caller: Great Britain. The constituent has not had a reply to her complaint.");

    private final TelephonySettings settings;
    private final WebhookSigner signer;
    private final String target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final PrintStream out;

    CallSimulator(TelephonySettings settings, String target, PrintStream out) {
        this.settings = settings;
        this.signer = new WebhookSigner(settings.signingToken());
        this.target = TelephonySettings.trimSlash(target);
        this.out = out;
    }

    public static int run(TelephonySettings settings, String[] args, PrintStream out) throws IOException, InterruptedException {
        Options o = Options.parse(args);
        if (o == null) {
            out.println("usage: simulate-call [--mp] [--lines FILE] [--url URL] [--pause MS] [--hangup]");
            out.println("  plays an inbound call through the signed Twilio webhooks of a running Callguide");
            out.println("  lines: one per line, 'caller: ...' or 'handler: ...'; --url defaults to PUBLIC_BASE_URL");
            return 2;
        }
        if (o.mp() && settings.mpHotlineNumber() == null) {
            out.println("simulate-call: --mp needs MP_HOTLINE_NUMBER, set the same here as for the service");
            return 2;
        }
        List<String> lines = o.lines() == null ? DEFAULT_LINES : Files.readAllLines(o.lines());
        new CallSimulator(settings, o.url() == null ? settings.publicBaseUrl() : o.url(), out).play(o, lines);
        return 0;
    }

    void play(Options o, List<String> script) throws IOException, InterruptedException {
        String callSid = sid("CA");
        String to = o.mp() ? settings.mpHotlineNumber() : "+441000000000";
        HttpResponse<String> answer = post("/twilio/voice", Map.of("CallSid", callSid, "AccountSid", sid("AC"), "From", "+447700900123",
                "To", to, "CallStatus", "ringing", "Direction", "inbound"));
        String callId = answer.headers().firstValue("X-Callguide-Call").orElse("?");
        out.println("call " + callSid + " answered; guided call " + callId + "\n" + answer.body());
        post("/twilio/status", Map.of("CallSid", callSid, "CallStatus", "in-progress", "SequenceNumber", "0"));
        post("/twilio/status", Map.of("CallSid", sid("CA"), "ParentCallSid", callSid, "CallStatus", "in-progress", "SequenceNumber", "0"));
        post("/twilio/transcription", transcription(callSid, "transcription-started", 1, Map.of()));
        int sequence = 2;
        for (String raw : script) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            boolean handler = line.toLowerCase().startsWith("handler:");
            String text = line.replaceFirst("^(?i)(caller|handler):\\s*", "");
            Map<String, String> content = new LinkedHashMap<>(Map.of("Final", "true", "Track", handler ? "outbound_track" : "inbound_track",
                    "TranscriptionData", "{\"transcript\":" + quote(text) + ",\"confidence\":0.95}"));
            post("/twilio/transcription", transcription(callSid, "transcription-content", sequence++, content));
            out.println((handler ? "handler: " : "caller:  ") + text);
            Thread.sleep(o.pauseMillis());
        }
        if (o.hangup()) post("/twilio/status", Map.of("CallSid", callSid, "CallStatus", "completed", "CallDuration", "42", "SequenceNumber", "3"));
        out.println("transcript: " + target + "/api/calls/" + callId + "/transcript");
    }

    private Map<String, String> transcription(String callSid, String event, int sequence, Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>(extra);
        p.putAll(Map.of("CallSid", callSid, "TranscriptionEvent", event, "SequenceId", String.valueOf(sequence),
                "TranscriptionSid", "GT" + callSid.substring(2), "Timestamp", Instant.now().toString()));
        return p;
    }

    private HttpResponse<String> post(String path, Map<String, String> params) throws IOException, InterruptedException {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signer.sign(settings.url(path), params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
        return r;
    }

    private static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    record Options(boolean mp, Path lines, String url, long pauseMillis, boolean hangup) {
        static Options parse(String[] args) {
            boolean mp = false, hangup = false;
            Path lines = null;
            String url = null;
            long pause = 1000;
            List<String> a = new ArrayList<>(List.of(args));
            try {
                for (int i = 0; i < a.size(); i++) {
                    switch (a.get(i)) {
                        case "--mp" -> mp = true;
                        case "--hangup" -> hangup = true;
                        case "--lines" -> lines = Path.of(a.get(++i));
                        case "--url" -> url = a.get(++i);
                        case "--pause" -> pause = Long.parseLong(a.get(++i));
                        default -> { return null; }
                    }
                }
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                return null;
            }
            return new Options(mp, lines, url, pause, hangup);
        }
    }
}
