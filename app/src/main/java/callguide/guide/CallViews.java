package callguide.guide;

import callguide.call.Call;
import callguide.call.CallRefused;
import callguide.call.CallService;
import callguide.flow.Flow;
import callguide.flow.Option;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.web.PathId;
import callguide.web.UkTime;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the call pages share: whose call it is, and answers put into words the handler reads. */
public final class CallViews {
    static final ZoneId UK = UkTime.ZONE;

    /** One answer in a summary list; {@code changeHref} is null where it cannot be changed. */
    public record AnswerRow(String question, String prompt, String answer, String changeHref) {}

    /** The call timer: when the call started, and how long ago, for pages seen without JavaScript. */
    public record Timer(String startedAt, String elapsed) {}

    private final CallService calls;
    private final Renderer renderer;
    private final java.time.Clock clock;
    private final PhonePanels phone;

    public CallViews(CallService calls, Renderer renderer, java.time.Clock clock, PhonePanels phone) {
        this.calls = calls;
        this.renderer = renderer;
        this.clock = clock;
        this.phone = phone;
    }

    /** The call in the path; the gate has already made sure it is the signed-in handler's own. */
    Call own(Context ctx) {
        return calls.get(callId(ctx));
    }

    static UUID callId(Context ctx) {
        return PathId.of(ctx, id -> new CallRefused(CallRefused.Reason.unknown_call, "no call " + id));
    }

    CallService calls() {
        return calls;
    }

    Renderer renderer() {
        return renderer;
    }

    PhonePanels phone() {
        return phone;
    }

    /** Each answer in force, in the words the handler saw, with a change link when {@code change} is given. */
    List<AnswerRow> rows(Flow flow, Map<String, String> answers, String changeBase, String pending) {
        List<AnswerRow> rows = new ArrayList<>();
        Map<String, String> before = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : answers.entrySet()) {
            Question q = flow.questions().get(a.getKey());
            String prompt = renderer.step(q, before).prompt();
            String href = changeBase == null ? null : changeBase + a.getKey() + (pending == null ? "" : "?pending=" + encode(pending));
            rows.add(new AnswerRow(a.getKey(), prompt, label(q, a.getValue(), before), href));
            before.put(a.getKey(), a.getValue());
        }
        return rows;
    }

    String label(Question q, String answer, Map<String, String> answers) {
        if (q.kind() == Question.Kind.date) {
            return answer == null || answer.isEmpty() ? q.emptyLabel() : UkTime.day(LocalDate.parse(answer));
        }
        return renderer.step(q, answers).options().stream().filter(o -> o.id().equals(answer))
                .map(Option::label).findFirst().orElse(answer);
    }

    Timer timer(Call call) {
        Instant end = call.completedAt() != null ? call.completedAt() : clock.instant();
        return new Timer(call.startedAt().toString(), UkTime.elapsed(Duration.between(call.startedAt(), end)));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A pending answer travels as "question=answer" between the check page and the question pages. */
    record Pending(String question, String answer) {
        static Pending parse(String s) {
            if (s == null || !s.contains("=")) return null;
            int i = s.indexOf('=');
            return new Pending(s.substring(0, i), s.substring(i + 1));
        }

        String text() {
            return question + "=" + answer;
        }
    }
}
