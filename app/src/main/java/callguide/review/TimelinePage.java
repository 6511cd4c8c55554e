package callguide.review;

import callguide.call.Call;
import callguide.call.CallEvent;
import callguide.call.CallRefused;
import callguide.call.CallService;
import callguide.flow.Flow;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.flow.Step;
import callguide.telephony.Telephony;
import callguide.telephony.TranscriptLine;
import callguide.web.Pages;
import callguide.web.PathId;
import callguide.web.UkTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One call as it happened: each event in order, with what the handler saw at each question, replayed
 * from the flow version the call was pinned to. Every view is written to the access log.
 */
public final class TimelinePage {
    /** {@code replay} is the question as the handler saw it, and {@code chosen} the answer they gave. */
    public record Item(String type, String title, String at, String took, List<String> lines, Step replay, String chosen, Instant when,
                       boolean system) {
        public Item(String type, String title, String at, String took, List<String> lines, Step replay, String chosen, Instant when) {
            this(type, title, at, took, lines, replay, chosen, when, false);
        }

        /** Recorded by the phone system (Twilio's callbacks, or the answer it gives as a call comes in), not by the handler. */
        public boolean byPhone() {
            return system || PhoneEvents.title(type) != null && !PhoneEvents.BY_HANDLER.contains(type);
        }
    }

    public record Timeline(UUID id, String handler, String status, boolean ended, String outcome, String outcomeTitle, String flags,
                           String flowVersion, String nation, String started, String duration, List<Item> items) {}

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CallService calls;
    private final Renderer renderer;
    private final Titles titles;
    private final ReviewDao dao;
    private final ObjectMapper json;
    private final Clock clock;
    private final Telephony telephony;
    private final PhoneEvents phoneEvents;

    public TimelinePage(CallService calls, Renderer renderer, Titles titles, ReviewDao dao, ObjectMapper json, Clock clock,
                        Telephony telephony) {
        this.calls = calls;
        this.titles = titles;
        this.renderer = renderer;
        this.dao = dao;
        this.json = json;
        this.clock = clock;
        this.telephony = telephony;
        this.phoneEvents = new PhoneEvents(json);
    }

    public void show(Context ctx) throws Exception {
        UUID id = PathId.of(ctx, given -> new CallRefused(CallRefused.Reason.unknown_call, "no call " + given));
        Call call = calls.get(id);
        String title = call.outcome() == null ? null : json.readTree(call.outcome()).path("title").asText(null);
        Instant end = call.completedAt() != null ? call.completedAt() : call.updatedAt();
        List<CallEvent> events = calls.events(id);
        String status = ReviewPages.status(call.status().name());
        for (CallEvent e : events) {
            if (e.is(CallEvent.Type.ended)) status += ": " + callguide.call.CallService.END_REASONS.getOrDefault(e.answer(), e.answer()).toLowerCase(java.util.Locale.UK);
        }
        Pages.render(ctx, "review/timeline.jte", new Timeline(id, call.handlerId(), status, call.status() == Call.Status.ended, call.outcomeCode(), title,
                String.join(", ", call.flags().stream().map(titles::flag).toList()), call.flowVersion(),
                calls.nationOf(call).title(), UkTime.time(call.startedAt()),
                UkTime.elapsed(Duration.between(call.startedAt(), end)),
                withTranscript(fold(items(call, events)), call.callSid() == null ? List.of() : telephony.lines(id))));
    }

    /** A run of the phone's progress reports is one line in the timeline, not one item each. */
    private static List<Item> fold(List<Item> items) {
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            Item last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i.type().equals("phone_status") && last.type().equals("phone_status")) {
                List<String> lines = new ArrayList<>(last.lines());
                lines.add(i.at() + (i.lines().isEmpty() ? "" : ": " + String.join(", ", i.lines())));
                int n = lines.size() - 1;
                out.set(out.size() - 1, new Item(last.type(), "Phone call progress (" + n + " updates)", last.at(), null, lines,
                        null, null, last.when(), true));
            } else if (i.type().equals("phone_status")) {
                List<String> lines = new ArrayList<>();
                lines.add("Updates, newest last:");
                lines.add(i.at() + (i.lines().isEmpty() ? "" : ": " + String.join(", ", i.lines())));
                out.add(new Item(i.type(), "Phone call progress", i.at(), null, lines, null, null, i.when(), true));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    private List<Item> items(Call call, List<CallEvent> events) {
        Flow flow = calls.flowOf(call);
        Map<String, String> answers = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        Instant previous = call.startedAt();
        // On a phone call, what happens before the handler takes it is the phone system's doing.
        boolean taken = call.callSid() == null;
        for (CallEvent e : events) {
            if ("phone_call_taken".equals(e.type())) taken = true;
            boolean system = !taken;
            String took = UkTime.elapsed(Duration.between(previous, e.at()));
            Question q = e.question() == null ? null : flow.questions().get(e.question());
            String prompt = q == null ? e.question() : renderer.step(q, answers).prompt();
            CallEvent.Type kind = e.kind();
            items.add(kind == null ? other(e) : switch (kind) {
                case started -> new Item(e.type(), "Call started", at(e), null,
                        List.of("Guided by " + flow.title() + " (flow version " + call.flowVersion() + ")"), null, null, e.at(), system);
                case answered, changed -> system ? byPhone(answered(e, q, prompt, answers, took)) : answered(e, q, prompt, answers, took);
                case ticked, unticked -> new Item(e.type(), (e.is(CallEvent.Type.ticked) ? "Ticked: " : "Unticked: ") + action(call, e.answer()),
                        at(e), null, List.of(), null, null, e.at());
                case ended -> new Item(e.type(), "Call ended without an outcome", at(e), took,
                        List.of("Reason: " + callguide.call.CallService.END_REASONS.getOrDefault(e.answer(), e.answer())), null, null, e.at());
                case dropped -> new Item(e.type(), "No longer applies: " + prompt, at(e), null,
                        List.of("The answer '" + label(q, e.answer(), answers) + "' was dropped by a change to an earlier answer"), null, null, e.at());
                case note -> new Item(e.type(), "Note", at(e), null, List.of(e.note() == null ? "(removed: staff conduct complaint)" : e.note()), null, null, e.at());
                case notes_redacted -> new Item(e.type(), "Notes removed", at(e), null,
                        List.of("The call became a staff conduct complaint, so the text of earlier notes was removed"), null, null, e.at());
                case suggestion -> SuggestionEvent.item(e, prompt, a -> label(q, a, answers), json, at(e));
                case outcome -> new Item(e.type(), "Outcome: " + outcomeTitle(call, e.answer()), at(e), took, List.of(e.answer()), null, null, e.at());
                default -> other(e);
            });
            if (e.is(CallEvent.Type.answered) || e.is(CallEvent.Type.changed)) answers.put(e.question(), e.answer());
            if (e.is(CallEvent.Type.dropped)) answers.remove(e.question());
            if (!e.is(CallEvent.Type.dropped) && !e.is(CallEvent.Type.notes_redacted) && !e.is(CallEvent.Type.suggestion)) previous = e.at();
        }
        return items;
    }

    private static Item byPhone(Item i) {
        return new Item(i.type(), i.title(), i.at(), i.took(), i.lines(), i.replay(), i.chosen(), i.when(), true);
    }

    private String outcomeTitle(Call call, String code) {
        try {
            String title = call.outcome() == null ? null : json.readTree(call.outcome()).path("title").asText(null);
            return title != null && code.equals(call.outcomeCode()) ? title : titles.outcome(code);
        } catch (java.io.IOException e) {
            return titles.outcome(code);
        }
    }

    /** The checklist item's words, from the outcome as the handler saw it. */
    private String action(Call call, String number) {
        try {
            JsonNode actions = call.outcome() == null ? null : json.readTree(call.outcome()).path("actions");
            int i = Integer.parseInt(number) - 1;
            return actions != null && i >= 0 && i < actions.size() ? actions.get(i).asText() : "item " + number;
        } catch (java.io.IOException | NumberFormatException e) {
            return "item " + number;
        }
    }

    private Item other(CallEvent e) {
        String phone = PhoneEvents.title(e.type());
        if (phone == null) return new Item(e.type(), "Event: " + e.type(), at(e), null, List.of(), null, null, e.at());
        return new Item(e.type(), phone, at(e), null, phoneEvents.lines(e.detail()), null, null, e.at());
    }

    /** What was said, placed by time between the steps: each run of lines between two steps is one item. */
    private static List<Item> withTranscript(List<Item> steps, List<TranscriptLine> said) {
        List<Item> out = new ArrayList<>();
        int next = 0;
        for (Item step : steps) {
            int from = next;
            while (next < said.size() && !said.get(next).at().isAfter(step.when())) next++;
            if (next > from) out.add(said(said.subList(from, next)));
            out.add(step);
        }
        if (next < said.size()) out.add(said(said.subList(next, said.size())));
        return out;
    }

    private static Item said(List<TranscriptLine> lines) {
        List<String> text = lines.stream().map(l -> SECOND.format(l.at().atZone(UK)) + " "
                + (l.speaker().equals("handler") ? "Handler" : "Caller") + ": " + l.text()).toList();
        return new Item("transcript", "Said on the call", UkTime.time(lines.get(0).at()), null, text, null, null, lines.get(0).at());
    }

    /** The answer a handler held on "Check your answers" and then changed there, or null for any other event. */
    private String heldOnCheckPage(CallEvent e) {
        if (!e.is(CallEvent.Type.changed) || e.detail() == null) return null;
        try {
            var d = json.readTree(e.detail());
            return d.path("held").asBoolean(false) ? d.path("from").asText(null) : null;
        } catch (java.io.IOException ex) {
            return null;
        }
    }

    private Item answered(CallEvent e, Question q, String prompt, Map<String, String> answers, String took) {
        Step seen = q == null ? null : renderer.step(q, answers);
        List<String> lines = new ArrayList<>();
        String held = heldOnCheckPage(e);
        if (held != null) {
            lines.add("Changed on Check your answers from '" + label(q, held, answers) + "' (never recorded) to '" + label(q, e.answer(), answers) + "'");
        } else if (e.is(CallEvent.Type.changed)) {
            lines.add("Changed from '" + label(q, answers.get(e.question()), answers) + "' to '" + label(q, e.answer(), answers) + "'");
        } else {
            lines.add("Answer: " + label(q, e.answer(), answers));
        }
        if (e.note() != null) lines.add("Note: " + e.note());
        String title = (e.is(CallEvent.Type.changed) ? "Changed: " : "") + prompt;
        return new Item(e.type(), title, at(e), took, lines, seen, e.answer(), e.at());
    }

    private String label(Question q, String answer, Map<String, String> answers) {
        if (q == null || answer == null) return answer == null ? "" : answer;
        if (q.kind() == Question.Kind.date) return answer.isEmpty() ? q.emptyLabel() : UkTime.day(java.time.LocalDate.parse(answer));
        return renderer.step(q, answers).options().stream().filter(o -> o.id().equals(answer)).map(o -> o.label()).findFirst().orElse(answer);
    }

    private static String at(CallEvent e) {
        return UkTime.time(e.at());
    }
}
