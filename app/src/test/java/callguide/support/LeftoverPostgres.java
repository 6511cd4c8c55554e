package callguide.support;

import callguide.store.EmbeddedServer;
import java.nio.file.Path;

/** Run in a process of its own: starts the embedded PostgreSQL on a folder, says its pid, then waits to be killed. */
public final class LeftoverPostgres {
    private LeftoverPostgres() {}

    public static void main(String[] args) throws Exception {
        EmbeddedServer server = EmbeddedServer.start(Path.of(args[0]));
        System.out.println("postmaster " + server.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
