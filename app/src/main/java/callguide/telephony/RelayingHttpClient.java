package callguide.telephony;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends the SDK's requests, exactly as it built them, to another base URL than Twilio's (a local
 * recorder in tests, a proxy in a locked-down network). Only path and query are kept from the SDK's URL.
 */
final class RelayingHttpClient extends HttpClient {
    private final URI base;
    private final Duration timeout;
    private final java.net.http.HttpClient http;

    RelayingHttpClient(String baseUrl, Duration timeout) {
        this.base = URI.create(baseUrl);
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Response makeRequest(Request request) {
        URI sdkUrl = URI.create(request.constructURL().toString());
        String target = base + sdkUrl.getRawPath() + (sdkUrl.getRawQuery() == null ? "" : "?" + sdkUrl.getRawQuery());
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target)).timeout(timeout);
        if (request.requiresAuthentication()) out.header("Authorization", request.getAuthString());
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            out.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method.toString(), HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
        } else {
            out.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(out.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.body(), r.statusCode());
        } catch (IOException e) {
            throw new com.twilio.exception.ApiConnectionException("could not reach " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new com.twilio.exception.ApiConnectionException("interrupted while calling " + target, e);
        }
    }
}
