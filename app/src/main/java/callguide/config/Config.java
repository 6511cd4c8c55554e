package callguide.config;

import callguide.assist.AssistSettings;
import callguide.call.Nation;
import callguide.call.WorkingCalendar;
import callguide.flow.Terms;
import callguide.telephony.TelephonySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Every setting the service reads, from environment variables, in one place. The README lists them. */
public record Config(
        int port,
        String host,
        Path dataDir,
        String databaseUrl,
        int databasePoolSize,
        Path flowsDir,
        Path bankHolidaysFile,
        Nation defaultNation,
        Terms.Contacts contacts,
        Duration signInIdle,
        Duration signInMaxLifetime,
        List<String> trustedProxies,
        TelephonySettings telephony,
        AssistSettings assist,
        Limits limits) {

    /** How long a request waits for the database, and how much any one sign-in (and everyone) may take at once. */
    public record Limits(Duration databaseWait, Duration streamHeartbeat, int streamsPerSignIn, int streamsTotal,
                         int callsPerMinute) {
        public static final Limits DEFAULT = new Limits(Duration.ofMillis(1000), Duration.ofSeconds(15), 10, 500, 600);
    }

    static final String LOOPBACK = "127.0.0.1";

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Path flows = path(env, "FLOWS_DIR", null);
        if (flows == null && Path.of("flows").toFile().isDirectory()) flows = Path.of("flows");
        return new Config(
                integer(env, "PORT", 7070),
                env.getOrDefault("HOST", LOOPBACK).strip(),
                path(env, "DATA_DIR", Path.of("data")),
                blankToNull(env.get("DATABASE_URL")),
                integer(env, "DATABASE_POOL_SIZE", 16),
                flows,
                path(env, "BANK_HOLIDAYS_FILE", null),
                Nation.fromId(env.getOrDefault("DEFAULT_NATION", "england-and-wales")),
                new Terms.Contacts(
                        env.getOrDefault("OPTIONS_SERVICE_NAME", "Child Maintenance Options"),
                        env.getOrDefault("OPTIONS_PHONE", "0800 988 0988"),
                        env.getOrDefault("OPTIONS_TEXTPHONE", "0800 988 9 888"),
                        env.getOrDefault("OPTIONS_INTERNAL_MAILBOX", "OPTIONS.SERVICEDESIGNOEDCMGDWP@DWP.GSI.GOV.UK"),
                        env.getOrDefault("ICE_TEAM_INTERNAL_MAILBOX", "2012ICE.DIRECTCOMPLAINTS@DWP.GSI.GOV.UK"),
                        env.getOrDefault("OPTIONS_POSTAL_ADDRESS", Terms.Contacts.OPTIONS_ADDRESS),
                        env.getOrDefault("OPTIONS_WEBSITE", Terms.Contacts.OPTIONS_WEBSITE),
                        env.getOrDefault("OPTIONS_OPENING_HOURS", Terms.Contacts.OPTIONS_HOURS),
                        env.getOrDefault("ICE_POSTAL_ADDRESS", Terms.Contacts.ICE_ADDRESS),
                        env.getOrDefault("ICE_PHONE", Terms.Contacts.ICE_PHONE),
                        env.getOrDefault("ICE_TEXTPHONE", Terms.Contacts.ICE_TEXTPHONE),
                        env.getOrDefault("ICE_WEBSITE", Terms.Contacts.ICE_WEBSITE),
                        env.getOrDefault("ICE_OPENING_HOURS", Terms.Contacts.ICE_HOURS)),
                Duration.ofMinutes(integer(env, "SIGN_IN_IDLE_MINUTES", 20)),
                Duration.ofHours(integer(env, "SIGN_IN_MAX_HOURS", 12)),
                list(env.getOrDefault("TRUSTED_PROXIES", "")),
                telephony(env, integer(env, "PORT", 7070)),
                new AssistSettings(path(env, "PROCEDURES_DIR", null),
                        decimal(env, "ASSIST_MIN_SCORE", AssistSettings.DEFAULT_MIN_SCORE), chat(env)),
                limits(env));
    }

    private static Limits limits(Map<String, String> env) {
        Limits d = Limits.DEFAULT;
        return new Limits(
                Duration.ofMillis(Math.max(250, integer(env, "DATABASE_WAIT_MS", (int) d.databaseWait().toMillis()))),
                Duration.ofMillis(Math.max(10, integer(env, "STREAM_HEARTBEAT_MS", (int) d.streamHeartbeat().toMillis()))),
                Math.max(1, integer(env, "STREAMS_PER_SIGN_IN", d.streamsPerSignIn())),
                Math.max(1, integer(env, "STREAMS_TOTAL", d.streamsTotal())),
                Math.max(1, integer(env, "CALLS_PER_MINUTE", d.callsPerMinute())));
    }

    public Config withPort(int port) {
        return new Config(port, host, dataDir, databaseUrl, databasePoolSize, flowsDir, bankHolidaysFile, defaultNation, contacts,
                signInIdle, signInMaxLifetime, trustedProxies, telephony, assist, limits);
    }

    public Config withDatabase(String databaseUrl) {
        return new Config(port, host, dataDir, databaseUrl, databasePoolSize, flowsDir, bankHolidaysFile, defaultNation, contacts,
                signInIdle, signInMaxLifetime, trustedProxies, telephony, assist, limits);
    }

    /**
     * The loopback demo: the embedded database, reachable from this machine only. Only here are the published
     * demo accounts made and the development webhook token accepted.
     */
    public boolean loopbackDemo() {
        return databaseUrl == null && isLoopback(host);
    }

    /** Stops start-up when a secret the service needs is missing, rather than running open. */
    public void requireSecrets() {
        if (telephony.authToken() != null) return;
        if (telephony.accountSid() != null) {
            throw new IllegalStateException("TWILIO_AUTH_TOKEN is required when TWILIO_ACCOUNT_SID is set: without it webhooks cannot be checked");
        }
        if (!loopbackDemo()) {
            throw new IllegalStateException("TWILIO_AUTH_TOKEN is required unless the service is the loopback demo"
                    + " (no DATABASE_URL and HOST unset or a loopback address): webhooks must be checked against a secret of your own");
        }
    }

    /**
     * Stops start-up when a contact given to clients holds internal text: an email address (the internal mailboxes
     * are the only ones Callguide knows) or a Complaints Resolution Team number, which are for staff alone.
     */
    public void requireClientSafeContacts() {
        Terms.Contacts c = contacts;
        Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put("OPTIONS_SERVICE_NAME", c.options());
        given.put("OPTIONS_PHONE", c.optionsPhone());
        given.put("OPTIONS_TEXTPHONE", c.optionsTextphone());
        given.put("OPTIONS_POSTAL_ADDRESS", c.optionsAddress());
        given.put("OPTIONS_WEBSITE", c.optionsWebsite());
        given.put("OPTIONS_OPENING_HOURS", c.optionsHours());
        given.put("ICE_POSTAL_ADDRESS", c.iceAddress());
        given.put("ICE_PHONE", c.icePhone());
        given.put("ICE_TEXTPHONE", c.iceTextphone());
        given.put("ICE_WEBSITE", c.iceWebsite());
        given.put("ICE_OPENING_HOURS", c.iceHours());
        var teams = telephony.teams();
        List<String> internalNumbers = new java.util.ArrayList<>(teams.byTeam().values());
        if (teams.gbNumber() != null) internalNumbers.add(teams.gbNumber());
        if (teams.niNumber() != null) internalNumbers.add(teams.niNumber());
        given.forEach((name, value) -> {
            if (value == null) return;
            if (value.contains("@")) throw new IllegalStateException(name + " is read to clients, so it may not hold an email address: '" + value + "'");
            String digits = TelephonySettings.digits(value);
            if (!digits.isEmpty() && internalNumbers.stream().anyMatch(n -> TelephonySettings.digits(n).equals(digits))) {
                throw new IllegalStateException(name + " is read to clients, so it may not be a Complaints Resolution Team number");
            }
        });
    }

    static boolean isLoopback(String host) {
        return host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static TelephonySettings telephony(Map<String, String> env, int port) {
        return new TelephonySettings(
                blankToNull(env.get("TWILIO_ACCOUNT_SID")),
                blankToNull(env.get("TWILIO_AUTH_TOKEN")),
                TelephonySettings.trimSlash(env.getOrDefault("PUBLIC_BASE_URL", "http://localhost:" + (port == 0 ? 7070 : port))),
                TelephonySettings.trimSlash(env.getOrDefault("TWILIO_API_BASE_URL", TelephonySettings.TWILIO_API)),
                blankToNull(env.get("MP_HOTLINE_NUMBER")),
                blankToNull(env.get("HANDLER_NUMBER")),
                env.getOrDefault("HANDLER_QUEUE", "handlers"),
                new TelephonySettings.ResolutionTeams(blankToNull(env.get("RESOLUTION_TEAM_GB_NUMBER")),
                        blankToNull(env.get("RESOLUTION_TEAM_NI_NUMBER")),
                        TelephonySettings.teamNumbers(env.getOrDefault("RESOLUTION_TEAM_NUMBERS", ""))),
                bool(env, "TRANSFER_CALLER_HEARS_BRIEFING", false),
                blankToNull(env.get("HOLD_MUSIC_URL")),
                Duration.ofSeconds(Math.max(1, integer(env, "TRANSFER_TIMEOUT_SECONDS", 60))),
                Duration.ofSeconds(Math.max(1, integer(env, "TWILIO_TIMEOUT_SECONDS", 15))));
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String v = blankToNull(env.get(name));
        if (v == null) return fallback;
        return switch (v.strip().toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + v + "'");
        };
    }

    /** A chat model only when its base URL is set; the model name is then required. */
    private static AssistSettings.Chat chat(Map<String, String> env) {
        String url = blankToNull(env.get("CHAT_MODEL_BASE_URL"));
        if (url == null) return null;
        String name = blankToNull(env.get("CHAT_MODEL_NAME"));
        if (name == null) throw new IllegalArgumentException("CHAT_MODEL_NAME is required when CHAT_MODEL_BASE_URL is set");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("CHAT_MODEL_BASE_URL must be a URL, not '" + url + "'");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("CHAT_MODEL_BASE_URL must be an http or https URL, not '" + url + "'");
        }
        return new AssistSettings.Chat(uri, name.strip(), blankToNull(env.get("CHAT_MODEL_API_KEY")),
                integer(env, "CHAT_MODEL_TIMEOUT_SECONDS", 30));
    }

    private static double decimal(Map<String, String> env, String name, double fallback) {
        String v = blankToNull(env.get(name));
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + v + "'");
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String v = blankToNull(env.get(name));
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }

    private static Path path(Map<String, String> env, String name, Path fallback) {
        String v = blankToNull(env.get(name));
        return v == null ? fallback : Path.of(v);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    /** The working calendar: the bundled bank holidays, or BANK_HOLIDAYS_FILE's. */
    public WorkingCalendar workingCalendar() {
        if (bankHolidaysFile() == null) return WorkingCalendar.bundled();
        try (InputStream in = Files.newInputStream(bankHolidaysFile())) {
            return WorkingCalendar.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BANK_HOLIDAYS_FILE " + bankHolidaysFile(), e);
        }
    }
}
