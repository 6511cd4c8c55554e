package callguide.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creating accounts, checking passwords (throttled), and the browser and API sign-ins that follow. */
public final class Accounts {
    public static final int MIN_PASSWORD = 10;
    /** bcrypt reads no further than 72 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final int COST = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The accounts made on the loopback demo, so a first-time user can sign in; the README names them. */
    public static final List<Demo> DEMO = List.of(
            new Demo("handler", Role.handler, "handler-demo-1"),
            new Demo("handler2", Role.handler, "handler-demo-2"),
            new Demo("supervisor", Role.supervisor, "supervisor-demo"),
            new Demo("teamleader", Role.team_leader, "teamleader-demo"),
            new Demo("caseworker", Role.resolution_caseworker, "caseworker-demo-1"),
            new Demo("crtleader", Role.resolution_team_leader, "crtleader-demo-1"));

    public record Demo(String username, Role role, String password) {}

    /** What a sign-in attempt came to. {@code retryAfter} is set only when attempts are locked out. */
    public record Attempt(Optional<Account> account, Duration retryAfter) {
        public boolean throttled() {
            return retryAfter != null;
        }
    }

    /** An API sign-in: the token to send as {@code Authorization: Bearer}, and when it lapses if unused. */
    public record ApiSignIn(String token, Instant expiresAt, Role role) {}

    private final AccountDao dao;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxLifetime;
    private final SignInThrottle throttle;
    /** How stale a sign-in's last use may be on record; well inside any idle timeout. */
    static final Duration TOUCH_EVERY = Duration.ofSeconds(15);
    /** How often lapsed sign-ins are cleared away (by one node: see {@link #clearLapsed}). */
    public static final Duration CLEAR_EVERY = TOUCH_EVERY;
    // Checked when the username is unknown, so a wrong username takes as long as a wrong password.
    private static final String DECOY = BCrypt.withDefaults().hashToString(COST, "decoy-password".toCharArray());

    public Accounts(AccountDao dao, Clock clock, Duration idle, Duration maxLifetime) {
        this.dao = dao;
        this.clock = clock;
        this.idle = idle;
        this.maxLifetime = maxLifetime;
        this.throttle = new SignInThrottle(dao, clock);
    }

    public Duration idleTimeout() {
        return idle;
    }

    /** Creates the account, or says why not. */
    public Account create(String username, Role role, String password) {
        String name = username(username);
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        if (tooLong(password)) {
            throw new IllegalArgumentException("a password can be at most " + MAX_PASSWORD_BYTES
                    + " bytes (72 plain letters and digits; accented letters and symbols take 2 to 4 bytes each)");
        }
        return insert(name, role, BCrypt.withDefaults().hashToString(COST, password.toCharArray()));
    }

    /**
     * An account no one can sign in to with a password, whose sign-ins are opened in-process ({@link #openApiSignIn}),
     * as the bench's handlers' are. Such accounts share one hash of a random password that was never kept: bcrypt is
     * slow on purpose, and a hash each would cost a bench seconds of the CPU its warm-up is for.
     */
    public Account createWithoutPassword(String username, Role role) {
        return insert(username(username), role, NoPassword.HASH);
    }

    private static final class NoPassword {
        static final String HASH = BCrypt.withDefaults().hashToString(COST, randomToken().toCharArray());
    }

    private static String username(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a username is 2 to 40 lower-case letters, digits, dots, dashes or underscores");
        }
        return name;
    }

    private Account insert(String name, Role role, String hash) {
        if (!dao.insert(name, role, hash, clock.instant())) throw new IllegalArgumentException("'" + name + "' already has an account");
        return new Account(name, role);
    }

    /** As {@link #create}, but never with a password the README publishes: for accounts anyone could reach. */
    public Account createPrivate(String username, Role role, String password) {
        if (DEMO.stream().anyMatch(d -> d.password().equals(password))) {
            throw new IllegalArgumentException("that password is a published demo password; choose one of your own");
        }
        return create(username, role, password);
    }

    public void createDemoAccounts() {
        for (Demo d : DEMO) if (!dao.exists(d.username())) create(d.username(), d.role(), d.password());
    }

    /** The demo accounts that still have their published password: none may exist off the loopback demo. */
    public List<String> withPublishedPasswords() {
        return DEMO.stream().filter(d -> dao.find(d.username())
                .map(s -> BCrypt.verifyer().verify(d.password().toCharArray(), s.passwordHash()).verified).orElse(false))
                .map(Demo::username).toList();
    }

    /** Checks the password unless this username or address is locked out by wrong ones; records a wrong one. */
    public Attempt signIn(String username, String password, String address) {
        String name = username == null ? "" : username.strip().toLowerCase();
        // Nothing that could not be a username reaches the database (a NUL byte cannot be stored in text).
        if (!USERNAME.matcher(name).matches()) name = "";
        Duration wait = throttle.retryAfter(name, address);
        if (wait != null) return new Attempt(Optional.empty(), wait);
        Optional<Account> account = check(name, password);
        if (account.isPresent()) throttle.succeeded(name);
        else throttle.failed(name, address);
        return new Attempt(account, null);
    }

    public Optional<Account> check(String username, String password) {
        if (username == null || password == null) return Optional.empty();
        String name = username.strip().toLowerCase();
        Optional<AccountDao.Stored> stored = USERNAME.matcher(name).matches() ? dao.find(name) : Optional.empty();
        // No account has a longer password (bcrypt would refuse it); checking the decoy keeps a wrong answer as slow as any other.
        boolean tooLong = tooLong(password);
        String hash = tooLong ? DECOY : stored.map(AccountDao.Stored::passwordHash).orElse(DECOY);
        boolean ok = BCrypt.verifyer().verify((tooLong ? "too-long" : password).toCharArray(), hash).verified && !tooLong;
        return ok ? stored.map(AccountDao.Stored::account) : Optional.empty();
    }

    /** Starts a browser sign-in; the returned token goes in the cookie and nowhere else. */
    public String openSignIn(Account account) {
        String token = randomToken();
        dao.openSignIn(hash(token), account.username(), randomToken(), SignedIn.Kind.browser, clock.instant());
        return token;
    }

    /** Starts an API sign-in. */
    public ApiSignIn openApiSignIn(Account account) {
        String token = randomToken();
        Instant now = clock.instant();
        dao.openSignIn(hash(token), account.username(), randomToken(), SignedIn.Kind.api, now);
        return new ApiSignIn(token, expiry(now, now), account.role());
    }

    /** When a sign-in seen at {@code lastSeen} lapses: idle for too long, or simply too old. */
    public Instant expiry(Instant since, Instant lastSeen) {
        Instant idleEnd = lastSeen.plus(idle);
        Instant end = since.plus(maxLifetime);
        return idleEnd.isBefore(end) ? idleEnd : end;
    }

    /**
     * The sign-in behind the token, unless it has been idle too long or lived too long. Each use keeps it alive,
     * but is written down only when the last one is {@link #TOUCH_EVERY} old: an idle timeout of minutes does not
     * need a write on every request.
     */
    public Optional<SignedIn> signedIn(String token, SignedIn.Kind kind) {
        return visit(token, kind, null).map(Visit::who);
    }

    /** A request by a live sign-in, and whose the call it names is: empty when it names none or there is no such call. */
    public record Visit(SignedIn who, Optional<CallHolder> call) {}

    /** {@link #signedIn(String, SignedIn.Kind)}, with the holder of {@code callId} (may be null) read in the same query. */
    public Optional<Visit> visit(String token, SignedIn.Kind kind, UUID callId) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        Instant now = clock.instant();
        String hash = hash(token);
        Optional<AccountDao.Live> live = dao.signIn(hash, kind, now.minus(idle), now.minus(maxLifetime), callId);
        if (live.isPresent() && !live.get().lastSeen().isAfter(now.minus(TOUCH_EVERY))) dao.touch(hash, now);
        return live.map(l -> new Visit(l.signedIn(), Optional.ofNullable(l.call())));
    }

    /** Deletes sign-ins that have lapsed; a background job, run by one node every {@link #CLEAR_EVERY}. */
    public void clearLapsed() {
        Instant now = clock.instant();
        dao.removeLapsed(now.minus(idle), now.minus(maxLifetime));
    }

    public Optional<SignedIn> signedIn(String cookieToken) {
        return signedIn(cookieToken, SignedIn.Kind.browser);
    }

    public void endSignIn(String token) {
        if (token != null && token.length() <= 100) dao.endSignIn(hash(token));
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
