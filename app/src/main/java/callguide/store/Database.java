package callguide.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The connection pool, migrated schema and Jdbi handle the rest of the service shares. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final EmbeddedServer server;
    private final Events events;
    private static final Duration HEALTH_WAIT = Duration.ofMillis(800);
    private static final ExecutorService HEALTH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "database-health");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Boolean> healthCheck;

    private Database(HikariDataSource pool, EmbeddedServer server) {
        this.pool = pool;
        this.server = server;
        this.jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
        this.events = new Events(this::connectionOutsidePool).start();
    }

    /** Connects to {@code databaseUrl}, or to the embedded server when there is none, and migrates. */
    public static Database open(String databaseUrl, EmbeddedServer embedded, int poolSize) {
        return open(databaseUrl, embedded, poolSize, Duration.ofSeconds(1));
    }

    /**
     * As above; a request waits at most {@code wait} for a connection, so an outage answers 503 quickly instead of
     * hanging, and connections are made again as soon as the server is back.
     */
    public static Database open(String databaseUrl, EmbeddedServer embedded, int poolSize, Duration wait) {
        HikariConfig config = new HikariConfig();
        if (databaseUrl != null) {
            jdbcSettings(databaseUrl, config);
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
            config.setPassword(embedded.password());
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("callguide");
        // Our own server has just started and, on a busy machine, may take a while to answer its first connection.
        if (databaseUrl == null) config.setInitializationFailTimeout(Duration.ofSeconds(30).toMillis());
        config.setConnectionTimeout(wait.toMillis());
        // Checking a pooled connection must leave time to make a new one within the wait.
        config.setValidationTimeout(Math.max(250, wait.toMillis() / 2));
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
        config.addDataSourceProperty("loginTimeout", String.valueOf(seconds + 1));
        // A server that stops answering mid-statement frees the request after this, rather than never.
        config.addDataSourceProperty("socketTimeout", "30");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            // The query part of a JDBC URL may hold a password: name the server only.
            String where = config.getJdbcUrl().replaceFirst("\\?.*", "");
            throw new IllegalStateException("cannot connect to PostgreSQL at " + where + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e.getCause());
        }
        migrate(pool);
        return new Database(pool, databaseUrl == null ? embedded : null);
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** Accepts a JDBC URL or the postgres://user:password@host:port/db form most platforms give. */
    static void jdbcSettings(String url, HikariConfig config) {
        if (url.startsWith("jdbc:")) {
            config.setJdbcUrl(url);
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            // Not the URL itself: it holds the password.
            throw new IllegalArgumentException("DATABASE_URL is not a URL (" + e.getReason()
                    + "); characters such as spaces, % or ^ in the user name or password must be percent-encoded");
        }
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must be jdbc:postgresql://… or postgres://…, not " + uri.getScheme());
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        config.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            config.setUsername(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
            if (parts.length == 2) config.setPassword(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Changes made on any node, as they commit. */
    public Events events() {
        return events;
    }

    /** A connection of its own for LISTEN, held for as long as the node runs, so it never takes a request's place in the pool. */
    private Connection connectionOutsidePool() {
        Properties settings = new Properties();
        settings.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) settings.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) settings.setProperty("password", pool.getPassword());
        settings.setProperty("ApplicationName", Events.APPLICATION_NAME);
        try {
            return DriverManager.getConnection(pool.getJdbcUrl(), settings);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to listen for changes: " + e.getMessage(), e);
        }
    }

    /** The PostgreSQL the service runs itself, when it uses no DATABASE_URL. */
    public java.util.Optional<EmbeddedServer> embedded() {
        return java.util.Optional.ofNullable(server);
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * True when the database answers a trivial query within {@code HEALTH_WAIT}. Concurrent checks share one
     * attempt, so a burst of health checks during an outage holds one thread, not one each.
     */
    public boolean answers() {
        CompletableFuture<Boolean> check;
        synchronized (this) {
            if (healthCheck == null || healthCheck.isDone()) {
                healthCheck = CompletableFuture.supplyAsync(this::answersNow, HEALTH);
            }
            check = healthCheck;
        }
        try {
            return check.get(HEALTH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean answersNow() {
        try (var c = pool.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(1);
            return s.execute("SELECT 1");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        events.close();
        pool.close();
        if (server != null) server.close();
    }
}
