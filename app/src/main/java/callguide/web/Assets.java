package callguide.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** Serves the GOV.UK Frontend, htmx and our own scripts and styles from the jar: no CDN. */
final class Assets {
    private Assets() {}

    static void register(JavalinConfig config) {
        String govuk = "/META-INF/resources/webjars/govuk-frontend/" + version("govuk-frontend") + "/dist/govuk";
        // GOV.UK Frontend's stylesheet looks for its fonts and images under /assets.
        serve(config, "/assets", govuk + "/assets");
        serve(config, "/govuk", govuk);
        serve(config, "/htmx", "/META-INF/resources/webjars/htmx.org/" + version("htmx.org") + "/dist");
        serve(config, "/static", "/public");
    }

    private static void serve(JavalinConfig config, String hostedPath, String directory) {
        config.staticFiles.add(sf -> {
            sf.hostedPath = hostedPath;
            sf.directory = directory;
            sf.location = Location.CLASSPATH;
            sf.headers = Map.of("Cache-Control", "max-age=3600", "X-Content-Type-Options", "nosniff");
        });
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
