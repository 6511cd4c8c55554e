package callguide.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without JavaScript, signed in through the sign-in form: its cookie, and the token its forms carry. */
public final class PageSession {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    public final String cookie;
    public final String csrf;

    private PageSession(String base, String cookie, String csrf) {
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Signs in as this person (their account must exist) and reads the form token from their home page. */
    public static PageSession signIn(String base, String username, String password) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build());
        String formCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_form="))
                .findFirst().orElseThrow().split(";")[0];
        String token = match(form.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", formCookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token + "&next=/&username=" + username + "&password=" + password)).build());
        String auth = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_auth="))
                .findFirst().orElseThrow(() -> new AssertionError("sign-in as " + username + " failed: " + signedIn.statusCode()))
                .split(";")[0];
        HttpResponse<String> home = send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", auth).build());
        return new PageSession(base, auth, match(home.body(), "name=\"csrf-token\" content=\"([^\"]+)\""));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build());
    }

    /** Posts a form carrying the sign-in's token, as the service's own pages do. */
    public HttpResponse<String> post(String path, String form) {
        String body = "csrf=" + csrf + (form.isEmpty() ? "" : "&" + form);
        return postRaw(path, "application/x-www-form-urlencoded", body);
    }

    /** Posts exactly this body with the cookie, as a page on another site could make a browser do. */
    public HttpResponse<String> postRaw(String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.build());
    }

    static String match(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        if (!m.find()) throw new AssertionError("not in the page: " + regex);
        return m.group(1);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
