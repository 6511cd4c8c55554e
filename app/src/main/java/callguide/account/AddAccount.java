package callguide.account;

import callguide.store.Database;
import callguide.store.EmbeddedServer;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** {@code add-account <username> <role>}: the password is read from the terminal, or the first line of input. */
public final class AddAccount {
    private AddAccount() {}

    /** @param databaseUrl the configured database, or null for the embedded one under {@code dataDir} */
    public static int run(String databaseUrl, java.nio.file.Path dataDir, String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -jar callguide.jar add-account <username> <handler|supervisor|team_leader|resolution_caseworker|resolution_team_leader>"
                    + " (the password is read from standard input)");
            return 2;
        }
        Role role;
        try {
            role = Role.fromId(args[1]);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        String password = password();
        EmbeddedServer embedded = databaseUrl == null ? EmbeddedServer.start(dataDir.resolve("postgres")) : null;
        try (Database db = Database.open(databaseUrl, embedded, 2)) {
            Account a = new Accounts(new AccountDao(db.jdbi()), Clock.systemUTC(), Duration.ZERO, Duration.ZERO)
                    .createPrivate(args[0], role, password);
            System.out.println("added " + a.username() + " (" + a.role().label() + ")");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("not added: " + e.getMessage());
            return 1;
        }
    }

    private static String password() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password (at least %d characters, at most %d bytes): ", Accounts.MIN_PASSWORD, Accounts.MAX_PASSWORD_BYTES);
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
