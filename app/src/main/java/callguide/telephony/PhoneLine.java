package callguide.telephony;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.PhoneNumber;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/** The REST calls a warm transfer makes to Twilio, through the SDK. Absent when no credentials are set. */
final class PhoneLine {
    static final List<String> TEAM_LEG_EVENTS = List.of("initiated", "ringing", "answered", "completed");
    private final TwilioRestClient client;

    private PhoneLine(TwilioRestClient client) {
        this.client = client;
    }

    static PhoneLine connect(TelephonySettings settings) {
        if (!settings.canPlaceCalls()) return null;
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken());
        builder.httpClient(TelephonySettings.TWILIO_API.equals(settings.apiBaseUrl())
                ? twilio(settings.restTimeout()) : new RelayingHttpClient(settings.apiBaseUrl(), settings.restTimeout()));
        return new PhoneLine(builder.build());
    }

    /** The SDK's own client, with our limit on connecting and on waiting for an answer. */
    private static NetworkHttpClient twilio(Duration timeout) {
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        return new NetworkHttpClient(RequestConfig.custom().setConnectTimeout(limit).setResponseTimeout(limit).build(),
                SocketConfig.custom().setSoTimeout(limit).build());
    }

    /** Replaces what a live call is doing with this TwiML. */
    void redirect(String callSid, String twiml) {
        Call.updater(callSid).setTwiml(twiml).update(client);
    }

    void hangUp(String callSid) {
        Call.updater(callSid).setStatus(Call.UpdateStatus.COMPLETED).update(client);
    }

    /** Dials a number into a conference (by its name); the leg's progress is posted to statusCallback. Returns its CallSid. */
    String dialIntoConference(String conference, String from, String to, String statusCallback) {
        Participant leg = Participant.creator(conference, new PhoneNumber(from), new PhoneNumber(to))
                // Twilio's defaults for a participant: joining opens the room, leaving does not close it.
                .setLabel("resolution-team").setBeep("false").setTimeout(30)
                .setStatusCallback(statusCallback).setStatusCallbackEvent(TEAM_LEG_EVENTS)
                .create(client);
        return leg.getCallSid();
    }
}
