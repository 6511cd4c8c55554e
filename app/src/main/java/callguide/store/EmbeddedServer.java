package callguide.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the service itself, its data kept in a folder across restarts. As root it
 * runs through a user namespace (the library's unshare), since PostgreSQL refuses to run as root.
 * Once supervised, a server that dies is started again on the same folder and port, with backoff.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration WATCH_EVERY = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final String password;
    private volatile EmbeddedPostgres postgres;
    private volatile long pid;
    private ScheduledExecutorService watcher;
    private volatile boolean closed;
    private int failedStarts;
    private long nextStartNanos;

    private EmbeddedServer(Path dir, int port, String password, EmbeddedPostgres postgres) {
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.postgres = postgres;
        this.pid = Leftovers.postmasterPid(dir).orElse(-1L);
    }

    public static EmbeddedServer start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** Starts on {@code port} (0: any free port), first stopping a server a killed process left on this folder. */
    public static EmbeddedServer start(Path dataDir, int port) {
        try {
            Path dir = dataDir.toAbsolutePath();
            Files.createDirectories(dir.getParent());
            int chosen = port == 0 ? freePort() : port;
            Leftovers.stop(dir);
            String password = ServerPassword.readOrCreate(dir.resolveSibling(dir.getFileName() + ".password"));
            EmbeddedServer server = new EmbeddedServer(dir, chosen, password, launch(dir, chosen, password, FIRST_START_WAIT));
            server.requirePassword(dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** A first start may run initdb on a busy machine; a restart only starts the server, and is retried. */
    private static final Duration FIRST_START_WAIT = Duration.ofSeconds(60);
    private static final Duration RESTART_WAIT = Duration.ofSeconds(15);

    private static EmbeddedPostgres launch(Path dir, int port, String password, Duration wait) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The library turns fsync and synchronous commit off by default; an answer must be durable.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password)
                .setPGStartupWait(wait)
                .start();
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Watches the server from now on: if its process dies, it is started again (logged, with backoff). */
    public synchronized EmbeddedServer supervise() {
        if (watcher == null && !closed) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "embedded-postgres-watch");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::check, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void check() {
        try {
            if (closed || alive(pid)) return;
            if (System.nanoTime() < nextStartNanos) return;
            restart();
        } catch (RuntimeException e) {
            LOG.error("watching the embedded PostgreSQL failed", e);
        }
    }

    private synchronized void restart() {
        if (closed) return;
        LOG.warn("the embedded PostgreSQL (pid {}) has stopped; starting it again on {} port {} (attempt {})",
                pid, dir, port, failedStarts + 1);
        EmbeddedPostgres old = postgres;
        try {
            old.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("releasing the stopped server", e);
        }
        try {
            Leftovers.releaseOwnLock(dir);
            Leftovers.stop(dir);
            postgres = launch(dir, port, password, RESTART_WAIT);
            pid = Leftovers.postmasterPid(dir).orElse(-1L);
            failedStarts = 0;
            LOG.warn("the embedded PostgreSQL is running again (pid {})", pid);
        } catch (IOException | RuntimeException e) {
            failedStarts++;
            long wait = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(10, failedStarts - 1));
            nextStartNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
            LOG.error("could not start the embedded PostgreSQL again (attempt {}); trying again in {} ms: {}",
                    failedStarts, wait, e.toString());
        }
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's process id, as it wrote it in its folder. */
    public long pid() {
        return pid;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            closed = true;
            if (watcher != null) watcher.shutdownNow();
        }
        postgres.close();
    }

    public void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // already failing; the library's exit hook is the last resort
        }
    }

    /** PostgreSQL processes left on a data folder by a service that was killed, and how to stop them cleanly. */
    static final class Leftovers {
        private Leftovers() {}

        static Optional<Long> postmasterPid(Path dir) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
                return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        /**
         * Stops a postmaster still running on {@code dir} (fast shutdown, so it checkpoints), waits for its
         * backends to go, and removes a stale postmaster.pid. Refuses when a live service holds the folder.
         */
        static void stop(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) return;
            requireUnheld(dir);
            Optional<ProcessHandle> postmaster = postmasterPid(dir).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive).filter(p -> runsIn(p, dir));
            if (postmaster.isPresent()) {
                ProcessHandle p = postmaster.get();
                LOG.warn("a PostgreSQL left running on {} (pid {}) is being shut down before ours starts", dir, p.pid());
                signal(p, "INT");
                if (!exits(p, Duration.ofSeconds(15))) {
                    signal(p, "QUIT");
                    if (!exits(p, Duration.ofSeconds(5))) signal(p, "KILL");
                }
            }
            // Backends notice their postmaster is gone and exit; a new server must not start while they hold memory.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<ProcessHandle> left = runningIn(dir);
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                sleep(100);
                left = runningIn(dir);
            }
            for (ProcessHandle p : left) {
                LOG.warn("killing PostgreSQL process {} left on {}", p.pid(), dir);
                signal(p, "KILL");
            }
            Optional<Long> stale = postmasterPid(dir);
            if (stale.isPresent() && !alive(stale.get())) Files.deleteIfExists(dir.resolve("postmaster.pid"));
        }

        /**
         * A start that failed in this process leaves the library's lock on the folder held by this process for good,
         * and every later start would take it for a live server's. Only ever ours, so a new lock file frees the folder.
         */
        static void releaseOwnLock(Path dir) throws IOException {
            if (lockHeld(dir) == Holder.THIS_PROCESS) {
                LOG.warn("a failed start left this service's lock on {}; releasing it", dir);
                Files.delete(dir.resolve(LOCK_FILE));
            }
        }

        /** The library locks this file while its server runs; a lock we cannot take means another service is live. */
        private static void requireUnheld(Path dir) throws IOException {
            switch (lockHeld(dir)) {
                case ANOTHER_PROCESS -> throw new IllegalStateException("another running service is using the database in " + dir);
                case THIS_PROCESS -> throw new IllegalStateException("this process already runs a database in " + dir);
                case NONE -> { }
            }
        }

        private static final String LOCK_FILE = "epg-lock";

        private enum Holder { NONE, THIS_PROCESS, ANOTHER_PROCESS }

        private static Holder lockHeld(Path dir) throws IOException {
            Path lockFile = dir.resolve(LOCK_FILE);
            if (!Files.exists(lockFile)) return Holder.NONE;
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) return Holder.ANOTHER_PROCESS;
                lock.release();
                return Holder.NONE;
            } catch (OverlappingFileLockException e) {
                return Holder.THIS_PROCESS;
            }
        }

        /** PostgreSQL's processes work in their data folder, which is how those left behind are found. */
        private static List<ProcessHandle> runningIn(Path dir) {
            return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> runsIn(p, dir)).toList();
        }

        private static boolean runsIn(ProcessHandle p, Path dir) {
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd"));
                return cwd.equals(dir) || cwd.equals(dir.toRealPath());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }

        private static void signal(ProcessHandle p, String name) {
            try {
                new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                if (name.equals("KILL")) p.destroyForcibly();
                else p.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static boolean exits(ProcessHandle p, Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            while (p.isAlive() && System.nanoTime() < deadline) sleep(100);
            return !p.isAlive();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
