package callguide.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The phone call's events (Twilio's progress, transcription, the warm transfer) in a reviewer's words. */
final class PhoneEvents {
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("phone_call_taken", "Phone call taken on screen"),
            Map.entry("phone_call_ended", "Phone call ended"),
            Map.entry("handler_leg_ended", "Handler's phone leg ended"),
            Map.entry("transcription_started", "Transcription started"),
            Map.entry("transcription_stopped", "Transcription stopped"),
            Map.entry("transcript_redacted", "Transcript deleted"),
            Map.entry("warm_transfer_started", "Warm transfer started"),
            Map.entry("warm_transfer_handler_joined", "Warm transfer: handler moved to the briefing"),
            Map.entry("warm_transfer_caller_on_hold", "Warm transfer: caller on hold"),
            Map.entry("warm_transfer_caller_listening", "Warm transfer: caller listening to the briefing"),
            Map.entry("warm_transfer_team_dialled", "Warm transfer: team dialled"),
            Map.entry("warm_transfer_briefing", "Warm transfer: team answered, briefing"),
            Map.entry("warm_transfer_caller_handed_over", "Warm transfer: caller handed over to the team"),
            Map.entry("warm_transfer_handler_left", "Warm transfer: handler left"),
            Map.entry("warm_transfer_completed", "Warm transfer completed"),
            Map.entry("warm_transfer_failed", "Warm transfer failed"),
            Map.entry("warm_transfer_unavailable", "Warm transfer could not start: referral by hand shown"),
            Map.entry("warm_transfer_caller_returned", "Warm transfer: caller back with the handler"),
            Map.entry("warm_transfer_team_released", "Warm transfer: team's ringing call ended"),
            Map.entry("warm_transfer_step_failed", "Warm transfer: a step failed"));
    /** The steps the handler's own actions recorded; the rest come from Twilio's callbacks (the transfer's completion among them). */
    static final java.util.Set<String> BY_HANDLER = java.util.Set.of("phone_call_taken", "warm_transfer_started", "warm_transfer_unavailable",
            "warm_transfer_handler_joined", "warm_transfer_caller_on_hold", "warm_transfer_caller_listening", "warm_transfer_team_dialled",
            "warm_transfer_caller_handed_over", "warm_transfer_handler_left");
    private static final List<String> SHOWN = List.of("status", "leg", "team", "reason", "handler", "step", "error", "duration");

    private final ObjectMapper json;

    PhoneEvents(ObjectMapper json) {
        this.json = json;
    }

    /** Null for an event that is not the phone's. */
    static String title(String type) {
        String title = TITLES.get(type);
        if (title != null) return title;
        if (type.equals("phone_status")) return "Phone call progress";
        if (type.startsWith("warm_transfer_team_")) return "Warm transfer: team's line " + type.substring("warm_transfer_team_".length()).replace('_', ' ');
        if (type.startsWith("conference_")) return "Conference: " + type.substring("conference_".length()).replace('_', ' ');
        return null;
    }

    /** The event's detail, named fields only: ids and statuses, never what anyone said. */
    List<String> lines(String detail) {
        List<String> lines = new ArrayList<>();
        if (detail == null) return lines;
        try {
            JsonNode d = json.readTree(detail);
            for (String field : SHOWN) {
                if (d.hasNonNull(field)) lines.add(words(field) + ": " + d.get(field).asText().replace('_', ' '));
            }
        } catch (java.io.IOException e) {
            lines.add("(detail not readable)");
        }
        return lines;
    }

    private static String words(String id) {
        String s = id.replace('_', ' ').replace('-', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
