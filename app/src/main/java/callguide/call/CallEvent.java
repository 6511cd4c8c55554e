package callguide.call;

import java.time.Instant;

/** One thing that happened on a call. {@code detail} is JSON, or null. */
public record CallEvent(long id, Instant at, String type, String question, String answer, String note, String detail) {

    /** The guided call's own events. The phone system's keep the names Twilio gives them (telephony's CallLog). */
    public enum Type {
        started, answered, changed, dropped, outcome, note, ticked, unticked, ended, notes_redacted, transcript_redacted,
        suggestion;

        private static final java.util.Map<String, Type> BY_NAME = java.util.Arrays.stream(values())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Type::name, t -> t));
    }

    public static CallEvent of(Type type, String question, String answer, String note, String detail) {
        return of(type.name(), question, answer, note, detail);
    }

    /** An event named by the phone system. */
    public static CallEvent of(String type, String question, String answer, String note, String detail) {
        return new CallEvent(0, null, type, question, answer, note, detail);
    }

    /** The call's own event type, or null for one of the phone system's. */
    public Type kind() {
        return Type.BY_NAME.get(type);
    }

    public boolean is(Type t) {
        return t.name().equals(type);
    }
}
