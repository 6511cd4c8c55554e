package callguide.telephony;

import callguide.web.ApiError;
import com.twilio.security.RequestValidator;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

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
        if (!validator.validate(url, params(ctx), signature)) {
            LOG.warn("refused webhook {}: signature does not match, from {}", ctx.path(), ctx.req().getRemoteAddr());
            throw new ApiError(403, "invalid_signature", "X-Twilio-Signature does not match " + url + "; nothing was recorded");
        }
    }

    /** The form fields, one value each, as Twilio signs them. */
    static Map<String, String> params(Context ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        return params;
    }
}
