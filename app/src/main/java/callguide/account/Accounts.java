package callguide.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating accounts, checking passwords, and the browser sign-ins that follow. */
public final class Accounts {
    public static final int MIN_PASSWORD = 10;
    /** bcrypt reads no further than 72 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final int COST = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The accounts made on the embedded default, so a first-time user can sign in; the README names them. */
    public static final List<Demo> DEMO = List.of(
            new Demo("handler", Role.handler, "handler-demo-1"),
            new Demo("handler2", Role.handler, "handler-demo-2"),
            new Demo("supervisor", Role.supervisor, "supervisor-demo"),
            new Demo("teamleader", Role.team_leader, "teamleader-demo"),
            new Demo("caseworker", Role.resolution_caseworker, "caseworker-demo-1"),
            new Demo("crtleader", Role.resolution_team_leader, "crtleader-demo-1"));

    public record Demo(String username, Role role, String password) {}

    private final AccountDao dao;
    private final Clock clock;
    private final Duration idle;
    // Checked when the username is unknown, so a wrong username takes as long as a wrong password.
    private final String decoy = BCrypt.withDefaults().hashToString(COST, "decoy-password".toCharArray());

    public Accounts(AccountDao dao, Clock clock, Duration idle) {
        this.dao = dao;
        this.clock = clock;
        this.idle = idle;
    }

    public Duration idleTimeout() {
        return idle;
    }

    /** Creates the account, or says why not. */
    public Account create(String username, Role role, String password) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a username is 2 to 40 lower-case letters, digits, dots, dashes or underscores");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        if (tooLong(password)) {
            throw new IllegalArgumentException("a password can be at most " + MAX_PASSWORD_BYTES
                    + " bytes (72 plain letters and digits; accented letters and symbols take 2 to 4 bytes each)");
        }
        String hash = BCrypt.withDefaults().hashToString(COST, password.toCharArray());
        if (!dao.insert(name, role, hash, clock.instant())) throw new IllegalArgumentException("'" + name + "' already has an account");
        return new Account(name, role);
    }

    public void createDemoAccounts() {
        for (Demo d : DEMO) if (!dao.exists(d.username())) create(d.username(), d.role(), d.password());
    }

    public Optional<Account> check(String username, String password) {
        if (username == null || password == null) return Optional.empty();
        Optional<AccountDao.Stored> stored = dao.find(username.strip().toLowerCase());
        // No account has a longer password (bcrypt would refuse it); checking the decoy keeps a wrong answer as slow as any other.
        boolean tooLong = tooLong(password);
        String hash = tooLong ? decoy : stored.map(AccountDao.Stored::passwordHash).orElse(decoy);
        boolean ok = BCrypt.verifyer().verify((tooLong ? "too-long" : password).toCharArray(), hash).verified && !tooLong;
        return ok ? stored.map(AccountDao.Stored::account) : Optional.empty();
    }

    /** Starts a sign-in; the returned token goes in the cookie and nowhere else. */
    public String openSignIn(Account account) {
        String token = randomToken();
        dao.openSignIn(hash(token), account.username(), randomToken(), clock.instant());
        return token;
    }

    /** The sign-in behind the cookie, unless it has been idle too long. Each use keeps it alive. */
    public Optional<SignedIn> signedIn(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        var now = clock.instant();
        return dao.touchSignIn(hash(token), now.minus(idle), now);
    }

    public void endSignIn(String token) {
        if (token != null) dao.endSignIn(hash(token));
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
