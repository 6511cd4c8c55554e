package callguide.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL server run by the service itself, its data kept in a folder across restarts. As root it
 * runs through a user namespace (the library's unshare), since PostgreSQL refuses to run as root.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    public static EmbeddedServer start(Path dataDir) {
        try {
            Path dir = dataDir.toAbsolutePath();
            Files.createDirectories(dir.getParent());
            stopOrphan(dir);
            String password = ServerPassword.readOrCreate(dir.resolveSibling(dir.getFileName() + ".password"));
            EmbeddedServer server = new EmbeddedServer(EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // The library turns fsync and synchronous commit off by default; an answer must be durable.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start(), password);
            server.requirePassword(dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * The library creates the server trusting every local user. The first time, give the superuser the
     * password kept beside the data and accept only that password from then on, over TCP and the socket alike.
     */
    private void requirePassword(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        if (Files.readString(hba).equals(HBA)) return;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(hba, HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded PostgreSQL's password", e);
        }
    }

    private static final String HBA = """
            # Written by Callguide: the superuser's password (kept beside this folder) and nothing else.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    public String password() {
        return password;
    }

    /** A server left running by a killed process holds the data folder; stop it before starting ours. */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        try {
            ProcessHandle.of(Long.parseLong(first))
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        } catch (NumberFormatException ignored) {
            // not a pid: a torn file, nothing to stop
        }
        Files.deleteIfExists(pidFile);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    public void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // already failing; the library's exit hook is the last resort
        }
    }
}
