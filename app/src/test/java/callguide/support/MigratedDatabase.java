package callguide.support;

import callguide.store.Database;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for a test class of queries, on the test run's embedded PostgreSQL, migrated and pooled as
 * the service does it ({@link Database#open}), and emptied before each test, so every test starts from no calls.
 *
 * <pre>{@code @RegisterExtension static final MigratedDatabase db = new MigratedDatabase();}</pre>
 */
public final class MigratedDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** Kept between tests: the migrations' own record, and the flow versions written once when the flows are read. */
    private static final List<String> KEPT = List.of("flyway_schema_history", "flow_versions");

    private Database database;
    private String tables;
    /** The test class that opened the database, and so closes it; a @Nested class shares its enclosing class's. */
    private String owner;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) return;
        database = Database.open(TestDatabase.freshUrl(), null, 4);
        owner = context.getUniqueId();
        tables = database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables
                        WHERE schemaname = current_schema() AND tablename <> ALL (:kept)""")
                .bindArray("kept", String.class, KEPT).mapTo(String.class).one());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database.jdbi().useHandle(h -> h.execute("TRUNCATE " + tables + " RESTART IDENTITY CASCADE"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!context.getUniqueId().equals(owner)) return;
        owner = null;
        database.close();
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }
}
