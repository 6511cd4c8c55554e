package callguide.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells a database that cannot be reached (down, restarting, out of connections) from a statement that failed. */
public final class DatabaseUnavailable {
    // Connection failures (08), the server shutting down or starting up (57P0x), too many connections (53300).
    private static final Set<String> STATES = Set.of("08000", "08001", "08003", "08004", "08006", "08007", "08P01",
            "57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    /** True when this failure, or anything it was caused by, says the database could not be reached. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof org.jdbi.v3.core.ConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
