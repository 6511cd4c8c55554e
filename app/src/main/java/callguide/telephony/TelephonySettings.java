package callguide.telephony;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How Callguide meets the phone network: Twilio credentials, the public URL Twilio calls (signatures are
 * checked against it), where inbound calls ring, and the resolution team numbers a warm transfer dials.
 * {@code transferTimeout}: how long a transfer waits for word from Twilio before it fails;
 * {@code restTimeout}: how long one REST request to Twilio may take.
 */
public record TelephonySettings(String accountSid, String authToken, String publicBaseUrl, String apiBaseUrl,
                                String mpHotlineNumber, String handlerNumber, String handlerQueue,
                                ResolutionTeams teams, boolean callerHearsBriefing, String holdMusicUrl,
                                Duration transferTimeout, Duration restTimeout) {

    public static final String TWILIO_API = "https://api.twilio.com";
    /** Signs and checks webhooks when no auth token is set, so the simulator works out of the box. */
    public static final String DEVELOPMENT_TOKEN = "callguide-development-token";

    /** The Complaints Resolution Team numbers: one for Great Britain, one for Northern Ireland, optional GB overrides. */
    public record ResolutionTeams(String gbNumber, String niNumber, Map<String, String> byTeam) {}

    /** REST calls need both; without them the service still runs and transfers fall back to manual instructions. */
    public boolean canPlaceCalls() {
        return accountSid != null && authToken != null;
    }

    public String signingToken() {
        return authToken == null ? DEVELOPMENT_TOKEN : authToken;
    }

    public String url(String path) {
        return publicBaseUrl + path;
    }

    public static String trimSlash(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Reads "north-east=+441234,scotland=+441235": team keys a handler may pick for a GB call. */
    public static Map<String, String> teamNumbers(String text) {
        Map<String, String> teams = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("RESOLUTION_TEAM_NUMBERS must read team=number,team=number; '" + pair.strip() + "' does not");
            }
            teams.put(pair.substring(0, eq).strip().toLowerCase(), pair.substring(eq + 1).strip());
        }
        return Map.copyOf(teams);
    }

    /** Phone numbers compare without spaces or punctuation, as people write them differently. */
    public static String digits(String number) {
        return number == null ? "" : number.replaceAll("[^0-9+]", "");
    }
}
