package callguide.store;

import java.util.List;
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

    /** Failures that mean the server could not be reached at all, whatever their message. */
    private static final List<Class<? extends Throwable>> UNREACHABLE = List.of(SQLTransientConnectionException.class,
            SQLRecoverableException.class, org.jdbi.v3.core.ConnectionException.class, java.net.ConnectException.class);

    /** True when this failure, or anything it was caused by, says the database could not be reached. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable cause = t;
            if (UNREACHABLE.stream().anyMatch(type -> type.isInstance(cause))) return true;
            String state = SQLException.class.isInstance(t) ? ((SQLException) t).getSQLState() : null;
            if (state != null && STATES.contains(state)) return true;
        }
        return false;
    }
}
