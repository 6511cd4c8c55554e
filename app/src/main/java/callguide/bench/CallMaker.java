package callguide.bench;

import callguide.call.Call;
import callguide.call.Nation;
import callguide.call.WorkingCalendar;
import callguide.flow.Flow;
import callguide.flow.FlowEngine;
import callguide.flow.IntakeRules;
import callguide.flow.Outcome;
import callguide.flow.Position;
import callguide.flow.Question;
import callguide.flow.Renderer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes guided calls as the service would have recorded them: each answer walks the real flow with
 * {@link FlowEngine}, a change drops what no longer applies, the outcome is rendered as the handler saw it.
 * Output is COPY text, one block per table. Answers are weighted towards what a contact centre hears most.
 */
final class CallMaker {
    /** COPY text for each table, and how many rows of events and transcript lines it holds. */
    record Rows(List<UUID> ids, String calls, String phones, String events, String lines, long eventCount, long lineCount) {}

    private static final Map<String, double[]> WEIGHTS = Map.ofEntries(
            Map.entry("contact_route", new double[] {80, 8, 12}),
            Map.entry("region", new double[] {95, 5}),
            Map.entry("caller", new double[] {60, 12, 6, 4, 3, 5, 5, 2, 3}),
            Map.entry("mp_purpose", new double[] {50, 35, 15}),
            Map.entry("staff_conduct", new double[] {3, 97}),
            Map.entry("sla_process", new double[] {60, 40}),
            Map.entry("deo_payment", new double[] {50, 50}),
            Map.entry("about_cm_options", new double[] {88, 7, 5}),
            Map.entry("challenges_decision", new double[] {88, 12}),
            Map.entry("effective_date_challenge", new double[] {8, 92}),
            Map.entry("existing_complaint", new double[] {78, 12, 7, 3}),
            Map.entry("resolvable_now", new double[] {55, 35, 10}));
    /** The questions the assistant suggests answers for. */
    private static final java.util.Set<String> ASSISTED = java.util.Set.of("caller", "staff_conduct", "about_cm_options",
            "challenges_decision", "existing_complaint", "mp_purpose", "sla_process", "deo_payment", "effective_date_challenge");
    private static final String[] HANDLERS = {"handler", "handler2", "amara.okafor", "ben.hughes", "chloe.patel", "dan.murphy",
            "ella.wright", "faisal.khan", "grace.evans", "harry.jones", "isla.campbell", "jack.thomas", "kiran.shah", "lucy.brown",
            "mo.ahmed", "nina.kowalska", "owen.davies", "priya.nair", "quinn.taylor", "rosa.martin", "sam.wilson", "tara.byrne",
            "umar.hussain", "vicky.green", "will.roberts", "xena.lee", "yusuf.ali", "zoe.clarke", "adam.scott", "beth.morgan"};
    private static final String[] CALLER_SAYS = {
            "I've been waiting weeks for someone to call me back about my payments.",
            "The amount you've worked out is wrong, my income went down in March.",
            "Nobody told me the payments had stopped.",
            "I want to make a formal complaint about how my case has been handled.",
            "I'm calling on behalf of my client, I have their consent.",
            "The letter I got says something different to what I was told on the phone.",
            "I already complained once and nothing happened.",
            "The deduction from my wages is more than it should be.",
            "I'm not happy with the way the person spoke to me last time.",
            "I just want it sorted today if that's possible.",
            "It's about the date the payments started from, that's not right.",
            "Can you put that in writing for me please?",
            "I was told someone from Options would ring me and they never did.",
            "My employer says they haven't had the paperwork.",
            "I've sent the documents twice now.",
            "Yes, that's right.",
            "No, it's nothing to do with that."};
    private static final String[] HANDLER_SAYS = {
            "Thanks for calling the Child Maintenance Service, can I take your name please?",
            "I'm sorry to hear that, let me look into it for you.",
            "Can I just check a few details with you?",
            "I understand, I'll make a note of that.",
            "Let me explain what happens next.",
            "Is there anything else about the case you'd like to tell me?",
            "I can see what's happened here.",
            "I'll read you what we'll do next."};
    private static final String[] NOTES = {
            "Caller asked for a letter in large print.",
            "Caller was upset; offered a call back tomorrow.",
            "Second call about the same payment this week.",
            "Representative's consent form already on file.",
            "Caller will send bank statements by post.",
            "Explained the review process and timescales."};

    private final Flow flow;
    private final Renderer renderer;
    private final WorkingCalendar calendar;
    private final Nation defaultNation;
    private final ObjectMapper json;

    private StringBuilder calls, phones, events, lines;
    private List<UUID> ids;
    private long eventCount, lineCount;

    CallMaker(Flow flow, Renderer renderer, WorkingCalendar calendar, Nation defaultNation, ObjectMapper json) {
        this.flow = flow;
        this.renderer = renderer;
        this.calendar = calendar;
        this.defaultNation = defaultNation;
        this.json = json;
    }

    /** Calls number {@code from} to {@code to} of {@code total}, spread in order over the working days. */
    Rows make(long seed, long from, long to, long total, List<LocalDate> days) {
        calls = new StringBuilder(1 << 20);
        phones = new StringBuilder(1 << 16);
        events = new StringBuilder(1 << 21);
        lines = new StringBuilder(1 << 20);
        eventCount = 0;
        lineCount = 0;
        ids = new java.util.ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
            LocalDate day = days.get((int) (i * days.size() / total));
            // Calls come in between 08:00 and 18:00, UK time.
            Instant start = day.atTime(8, 0).atZone(Generate.UK).toInstant().plusSeconds(rnd.nextInt(10 * 3600));
            call(rnd, day, start);
        }
        return new Rows(ids, calls.toString(), phones.toString(), events.toString(), lines.toString(), eventCount, lineCount);
    }

    private void call(SplittableRandom rnd, LocalDate today, Instant start) {
        UUID id = Call.newId(start, rnd);
        ids.add(id);
        String handler = HANDLERS[pickHandler(rnd)];
        Nation nation = rnd.nextInt(100) < 8 ? Nation.SCOTLAND : defaultNation;
        boolean abandon = rnd.nextInt(100) < 2;
        boolean change = rnd.nextInt(100) < 9;
        Instant t = start;
        String callId = id.toString();
        event(callId, t, "started", null, null, null, "{\"flow\":\"" + flow.id() + "\",\"version\":\"" + flow.version()
                + "\",\"handler\":\"" + handler + "\"}");
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Instant> answeredAt = new HashMap<>();
        String callSid = null;
        int sequence = 0;
        List<String> pendingLines = new ArrayList<>();
        boolean confidential = false;
        Position pos = FlowEngine.walk(flow, answers, today);
        int steps = 0;
        String current = null;
        while (!pos.finished()) {
            Question q = pos.question();
            if (abandon && steps >= 2 && rnd.nextInt(4) == 0) {
                current = q.id();
                break;
            }
            t = t.plusSeconds(8 + rnd.nextInt(50) + (rnd.nextInt(10) == 0 ? 90 : 0));
            if (change && steps >= 3 && rnd.nextInt(3) == 0) {
                change = false;
                List<String> choices = answers.keySet().stream()
                        .filter(k -> flow.questions().get(k).kind() == Question.Kind.choice).toList();
                if (!choices.isEmpty()) {
                    Question earlier = flow.questions().get(choices.get(rnd.nextInt(choices.size())));
                    String other = otherOption(rnd, earlier, answers.get(earlier.id()));
                    pos = answer(callId, t, today, answers, answeredAt, earlier.id(), other, null, nation);
                    if (pos.finished()) break;
                    t = t.plusSeconds(5 + rnd.nextInt(20));
                    q = pos.question();
                }
            }
            String value = choose(rnd, q, today);
            if (q.id().equals("contact_route") && !value.equals("written") && rnd.nextInt(100) < 55) {
                callSid = "CA" + hex(rnd) + hex(rnd);
                event(callId, t.minusSeconds(2), "phone_call_taken", null, null, null, "{\"handler\":\"" + handler + "\"}");
            }
            if (callSid != null && !confidential) {
                line(callId, ++sequence, "handler", HANDLER_SAYS[rnd.nextInt(HANDLER_SAYS.length)], t.minusSeconds(6));
                line(callId, ++sequence, "caller", CALLER_SAYS[rnd.nextInt(CALLER_SAYS.length)], t.minusSeconds(3));
            }
            boolean becomesConfidential = IntakeRules.confidential(q.id(), value);
            if (callSid != null && ASSISTED.contains(q.id()) && rnd.nextInt(100) < 60) {
                String suggested = rnd.nextInt(100) < 85 ? value : otherOption(rnd, q, value);
                double confidence = 0.35 + rnd.nextInt(60) / 100.0;
                String evidence = confidential || becomesConfidential ? null : CALLER_SAYS[rnd.nextInt(CALLER_SAYS.length)];
                event(callId, t.minusSeconds(1), "suggestion", q.id(), value, evidence, String.format(java.util.Locale.ROOT,
                        "{\"suggested\":\"%s\",\"confidence\":%.2f,\"chosen\":\"%s\",\"accepted\":%b}", suggested, confidence, value, suggested.equals(value)));
            }
            if (becomesConfidential && callSid != null && sequence > 0) {
                // The service deletes the transcript when the call turns out to be about a member of staff.
                lines.setLength(lines.length() - removeLines(callId));
                event(callId, t, "transcript_redacted", null, null, null, "{\"lines\":" + sequence + "}");
            }
            confidential |= becomesConfidential;
            // Notes only once staff conduct is ruled out: the service would blank earlier ones.
            String note = answers.containsKey("staff_conduct") && !confidential && rnd.nextInt(100) < 8 ? NOTES[rnd.nextInt(NOTES.length)] : null;
            pos = answer(callId, t, today, answers, answeredAt, q.id(), value, note, nation);
            steps++;
        }
        String outcomeCode = null, outcomeJson = null, flags = "{}";
        Instant completed = null;
        if (pos.finished()) {
            Nation forDeadlines = Nation.forRegion(answers.get("region"), nation, defaultNation);
            Outcome outcome = renderer.outcome(flow, pos, calendar.dueDates(forDeadlines, today));
            outcomeCode = outcome.code();
            outcomeJson = write(outcome);
            flags = "{" + String.join(",", outcome.flags()) + "}";
            event(callId, t, "outcome", null, outcomeCode, null, "{\"flags\":" + write(outcome.flags()) + "}");
            completed = t;
            if (!confidential && rnd.nextInt(100) < 20) {
                t = t.plusSeconds(20 + rnd.nextInt(60));
                event(callId, t, "note", null, null, NOTES[rnd.nextInt(NOTES.length)], null);
            }
        }
        Instant updated = t;
        if (callSid != null) {
            Instant end = t.plusSeconds(10 + rnd.nextInt(40));
            if (!confidential) line(callId, ++sequence, "handler", "Thanks for calling, goodbye.", end.minusSeconds(3));
            event(callId, end, "phone_call_ended", null, null, null,
                    "{\"status\":\"completed\",\"duration\":\"" + (end.getEpochSecond() - start.getEpochSecond()) + "\"}");
            phones.append(callId).append('\t').append(callSid).append("\t+443001234567\tCA").append(hex(rnd)).append(hex(rnd))
                    .append('\t').append(end).append("\tcompleted\n");
        }
        StringBuilder a = new StringBuilder(512).append('[');
        answers.forEach((k, v) -> {
            if (a.length() > 1) a.append(',');
            a.append("{\"question\":\"").append(k).append("\",\"answer\":\"").append(v).append("\",\"at\":\"")
                    .append(answeredAt.get(k)).append("\"}");
        });
        a.append(']');
        StringBuilder c = calls;
        c.append(callId).append('\t').append(flow.id()).append('\t').append(flow.version()).append('\t').append(handler).append('\t');
        field(c, callSid);
        c.append('\t').append(nation.id()).append('\t').append(completed == null ? "in_progress" : "completed").append('\t');
        field(c, completed != null ? null : current != null ? current : pos.question().id());
        c.append('\t');
        field(c, a.toString());
        c.append('\t');
        field(c, outcomeCode);
        c.append('\t').append(flags).append('\t');
        field(c, outcomeJson);
        c.append('\t').append(start).append('\t').append(updated).append('\t');
        field(c, completed == null ? null : completed.toString());
        c.append('\n');
    }

    /** Records one answer (or a change) the way CallService does: answered or changed, then what was dropped, then any outcome. */
    private Position answer(String callId, Instant t, LocalDate today, Map<String, String> answers, Map<String, Instant> answeredAt,
                            String question, String value, String note, Nation nation) {
        Map<String, String> after = new LinkedHashMap<>(answers);
        String previous = after.put(question, value);
        Position pos = FlowEngine.walk(flow, after, today);
        if (previous == null) event(callId, t, "answered", question, value, note, null);
        else event(callId, t, "changed", question, value, note, "{\"from\":\"" + previous + "\"}");
        answers.forEach((k, v) -> {
            if (!pos.answersInForce().containsKey(k)) event(callId, t, "dropped", k, v, null, null);
        });
        answers.clear();
        answers.putAll(pos.answersInForce());
        answeredAt.keySet().retainAll(answers.keySet());
        answeredAt.put(question, t);
        return pos;
    }

    private static String choose(SplittableRandom rnd, Question q, LocalDate today) {
        if (q.kind() == Question.Kind.date) {
            if (q.optional() && rnd.nextInt(100) < 80) return Question.EMPTY;
            return today.minusDays(14 + rnd.nextInt(900)).toString();
        }
        double[] w = WEIGHTS.get(q.id());
        if (w == null || w.length != q.options().size()) return q.options().get(rnd.nextInt(q.options().size())).id();
        double sum = 0;
        for (double x : w) sum += x;
        double r = rnd.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r < 0) return q.options().get(i).id();
        }
        return q.options().get(w.length - 1).id();
    }

    private static String otherOption(SplittableRandom rnd, Question q, String not) {
        List<String> others = q.options().stream().map(o -> o.id()).filter(o -> !o.equals(not)).toList();
        return others.isEmpty() ? not : others.get(rnd.nextInt(others.size()));
    }

    private static int pickHandler(SplittableRandom rnd) {
        // A few handlers take many more calls than others (part-timers, team leads taking some).
        double x = rnd.nextDouble();
        return (int) (HANDLERS.length * x * x);
    }

    private int lastCallLinesStart = -1;
    private String lastCallLinesId;

    private void line(String callId, int sequence, String speaker, String text, Instant at) {
        if (!callId.equals(lastCallLinesId)) {
            lastCallLinesId = callId;
            lastCallLinesStart = lines.length();
        }
        lines.append(callId).append('\t').append(sequence).append('\t').append(speaker).append('\t');
        field(lines, text);
        lines.append('\t').append(at).append('\n');
        lineCount++;
    }

    /** How many characters of COPY text this call's lines take, counting them out of the line total. */
    private int removeLines(String callId) {
        if (!callId.equals(lastCallLinesId)) return 0;
        int n = lines.length() - lastCallLinesStart;
        for (int i = lastCallLinesStart; i < lines.length(); i++) if (lines.charAt(i) == '\n') lineCount--;
        lastCallLinesId = null;
        return n;
    }

    private void event(String callId, Instant at, String type, String question, String answer, String note, String detail) {
        StringBuilder e = events;
        e.append(callId).append('\t').append(at).append('\t').append(type).append('\t');
        field(e, question);
        e.append('\t');
        field(e, answer);
        e.append('\t');
        field(e, note);
        e.append('\t');
        field(e, detail);
        e.append('\n');
        eventCount++;
    }

    /** A value in COPY's text format: \N for null, backslash, tab and line breaks escaped. */
    private static void field(StringBuilder b, String v) {
        if (v == null) {
            b.append("\\N");
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }

    private static String hex(SplittableRandom rnd) {
        return String.format("%016x", rnd.nextLong());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
