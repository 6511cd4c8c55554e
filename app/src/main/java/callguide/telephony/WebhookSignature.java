package callguide.telephony;

import callguide.web.ApiError;
import com.twilio.security.RequestValidator;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks X-Twilio-Signature before any webhook code runs, against the public URL Twilio was given
 * (PUBLIC_BASE_URL + path + query) and the posted form fields, with the SDK's validator.
 */
final class WebhookSignature {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("callguide.security");
    private final RequestValidator validator;
    private final TelephonySettings settings;

    WebhookSignature(TelephonySettings settings) {
        this.validator = new RequestValidator(settings.signingToken());
        this.settings = settings;
    }

    public void verify(Context ctx) {
        String signature = ctx.header("X-Twilio-Signature");
        if (signature == null || signature.isBlank()) {
            LOG.warn("refused webhook {}: no X-Twilio-Signature, from {}", ctx.path(), ctx.req().getRemoteAddr());
            throw new ApiError(403, "unsigned_webhook", "Twilio webhooks must carry X-Twilio-Signature; nothing was recorded");
        }
        String query = ctx.queryString();
        String url = settings.url(ctx.path()) + (query == null || query.isEmpty() ? "" : "?" + query);
        Map<String, String> params = params(ctx);
        if (!validator.validate(url, params, signature)) {
            LOG.warn("refused webhook {}: signature does not match, from {}", ctx.path(), ctx.req().getRemoteAddr());
            throw new ApiError(403, "invalid_signature", "X-Twilio-Signature does not match " + url + "; nothing was recorded");
        }
        // Signed: a field that cannot be what Twilio sends is a 400 before anything is stored or looked up.
        params.forEach((k, v) -> {
            if (k.endsWith("Sid") && !v.isEmpty() && !SID.matcher(v).matches()) {
                throw new ApiError(400, "invalid_field", "'" + k + "' is not a Twilio id");
            }
            if (SHORT.contains(k) && v.length() > SHORT_MAX) {
                throw new ApiError(400, "invalid_field", "'" + k + "' is longer than " + SHORT_MAX + " characters");
            }
        });
    }

    /** Twilio's ids ("CA" and 32 hex digits, and the like). */
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{1,64}");
    /** Fields that name a delivery or an event, so become part of a stored key: short in anything Twilio sends. */
    private static final Set<String> SHORT = Set.of("CallStatus", "DialCallStatus", "SequenceNumber",
            "StatusCallbackEvent", "TranscriptionEvent", "FriendlyName", "ParticipantLabel", "Timestamp", "CallDuration", "To", "From");
    private static final int SHORT_MAX = 200;

    /** The form fields, one value each, as Twilio signs them. */
    static Map<String, String> params(Context ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        return params;
    }
}
