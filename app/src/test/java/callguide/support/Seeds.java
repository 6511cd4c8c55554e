package callguide.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The procedure documents the tests may read: ../shared/seeds beside the project (or -Dcallguide.seeds=...). */
public final class Seeds {
    private Seeds() {}

    /** The folder, wherever the build runs from; it may not exist, and tests that need it skip and say so. */
    public static Path folder() {
        String given = System.getProperty("callguide.seeds");
        if (given != null) return Path.of(given);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("flows/intake.yaml"))) return dir.resolve("../shared/seeds").normalize();
        }
        return Path.of("../shared/seeds").toAbsolutePath().normalize();
    }
}
