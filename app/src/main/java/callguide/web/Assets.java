package callguide.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** Serves the GOV.UK Frontend, htmx and our own scripts and styles from the jar: no CDN. */
public final class Assets {
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript",
            "woff2", "font/woff2", "woff", "font/woff", "png", "image/png", "svg", "image/svg+xml",
            "ico", "image/x-icon", "json", "application/json", "map", "application/json");

    static final String STATIC = "/static";

    private Assets() {}

    public static void register(JavalinConfig config) {
        config.staticFiles.add(sf -> {
            sf.hostedPath = STATIC;
            sf.directory = "/public";
            sf.location = Location.CLASSPATH;
            sf.headers = Map.of("Cache-Control", "max-age=3600");
        });
    }

    /** GOV.UK Frontend's files; its stylesheet looks for fonts and images under /assets. */
    public static Handler govuk(String under) {
        return from("/META-INF/resources/webjars/govuk-frontend/" + version("govuk-frontend") + "/dist/govuk" + under);
    }

    public static Handler htmx() {
        return from("/META-INF/resources/webjars/htmx.org/" + version("htmx.org") + "/dist");
    }

    // WebJars carry no folder entries, which Javalin's static handler needs, so their files are served here.
    private static Handler from(String root) {
        return ctx -> {
            String path = ctx.pathParam("path");
            String ext = path.substring(path.lastIndexOf('.') + 1);
            if (path.contains("..") || path.contains("\\") || !TYPES.containsKey(ext)) {
                notFound(ctx);
                return;
            }
            try (InputStream in = Assets.class.getResourceAsStream(root + "/" + path)) {
                if (in == null) {
                    notFound(ctx);
                    return;
                }
                ctx.header("Cache-Control", "max-age=3600").contentType(TYPES.get(ext)).result(in.readAllBytes());
            }
        };
    }

    private static void notFound(Context ctx) {
        ctx.status(404).contentType("text/plain").result("Not found");
    }

    /** The WebJar's version as packaged, so the pom is the one place it is named. */
    private static String version(String artifact) {
        String file = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("the " + artifact + " WebJar is missing from the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
