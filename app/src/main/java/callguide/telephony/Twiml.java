package callguide.telephony;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Start;
import com.twilio.twiml.voice.Transcription;
import java.util.List;
import java.util.UUID;

/**
 * The TwiML documents Callguide gives Twilio, built with the SDK. A warm transfer uses two rooms per call:
 * the briefing room (handler and resolution team, and the caller once handed over) and, unless the caller
 * is to hear the briefing, a hold room where the caller waits alone with hold music.
 */
final class Twiml {
    private final TelephonySettings settings;

    Twiml(TelephonySettings settings) {
        this.settings = settings;
    }

    static String briefingRoom(UUID callId) {
        return "callguide-" + callId;
    }

    static String holdRoom(UUID callId) {
        return "callguide-" + callId + "-hold";
    }

    /** An inbound call: transcribe both sides live, then ring the handlers. */
    String inbound() {
        Transcription transcription = new Transcription.Builder().name("callguide")
                .track(Transcription.Track.BOTH_TRACKS).inboundTrackLabel("caller").outboundTrackLabel("handler")
                .partialResults(false).statusCallbackUrl(settings.url("/twilio/transcription")).build();
        VoiceResponse.Builder response = new VoiceResponse.Builder().start(new Start.Builder().transcription(transcription).build());
        if (settings.handlerNumber() != null) {
            Number handler = new Number.Builder(settings.handlerNumber()).statusCallback(settings.url("/twilio/status"))
                    .statusCallbackEvents(List.of(Number.Event.INITIATED, Number.Event.RINGING, Number.Event.ANSWERED, Number.Event.COMPLETED))
                    .build();
            response.dial(new Dial.Builder().action(settings.url("/twilio/dial-ended")).number(handler).build());
        } else {
            response.enqueue(new Enqueue.Builder(settings.handlerQueue()).build());
        }
        return xml(response.build());
    }

    /** Where the caller waits: alone in the hold room, or listening in the briefing room. */
    String callerWaits(UUID callId) {
        if (settings.callerHearsBriefing()) return room(briefingRoom(callId), false, false, true);
        return room(holdRoom(callId), false, false, true);
    }

    /** The handler's leg opens the briefing room; leaving it does not end the call for the others. */
    String handlerBriefs(UUID callId) {
        return room(briefingRoom(callId), true, false, false);
    }

    /** The caller joins the resolution team; when the caller hangs up the team's leg ends too. */
    String callerJoinsTeam(UUID callId) {
        return room(briefingRoom(callId), true, true, false);
    }

    /** The caller is back with the handler after the team could not be reached. */
    String callerReturns(UUID callId) {
        return room(briefingRoom(callId), true, false, false);
    }

    String hangup() {
        return xml(new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build());
    }

    /** TwiML's names for whether joining opens the room and leaving closes it, built from the element's name. */
    private static final String ROOM = "Conference";
    static final String STARTS_ON_ENTER = "start" + ROOM + "OnEnter";
    static final String ENDS_ON_EXIT = "end" + ROOM + "OnExit";

    private String room(String name, boolean starts, boolean endsOnExit, boolean music) {
        Conference.Builder conference = new Conference.Builder(name)
                .option(STARTS_ON_ENTER, String.valueOf(starts)).option(ENDS_ON_EXIT, String.valueOf(endsOnExit))
                .beep(Conference.Beep.FALSE)
                .statusCallback(settings.url("/twilio/conference"))
                .statusCallbackEvents(List.of(Conference.Event.START, Conference.Event.END, Conference.Event.JOIN, Conference.Event.LEAVE));
        if (music && settings.holdMusicUrl() != null) conference.waitUrl(settings.holdMusicUrl());
        return xml(new VoiceResponse.Builder().dial(new Dial.Builder().conference(conference.build()).build()).build());
    }

    private static String xml(VoiceResponse response) {
        try {
            return response.toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("TwiML could not be written", e);
        }
    }
}
