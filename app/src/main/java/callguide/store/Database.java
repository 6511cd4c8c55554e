package callguide.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The connection pool, migrated schema and Jdbi handle the rest of the service shares. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final AutoCloseable server;

    private Database(HikariDataSource pool, AutoCloseable server) {
        this.pool = pool;
        this.server = server;
        this.jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
    }

    /** Connects to {@code databaseUrl}, or to the embedded server when there is none, and migrates. */
    public static Database open(String databaseUrl, EmbeddedServer embedded, int poolSize) {
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
        HikariDataSource pool = new HikariDataSource(config);
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
        URI uri = URI.create(url);
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

    public DataSource dataSource() {
        return pool;
    }

    /** True when the database answers a trivial query within a second. */
    public boolean answers() {
        try (var c = pool.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(1);
            return s.execute("SELECT 1");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        pool.close();
        if (server != null) server.close();
    }
}
