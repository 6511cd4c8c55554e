package callguide.web;

import java.time.Duration;

/** A wait in words a person reads: "15 minutes", "1 minute". */
final class Minutes {
    private Minutes() {}

    static String of(Duration d) {
        long m = Math.max(1, (d.toSeconds() + 59) / 60);
        return m + (m == 1 ? " minute" : " minutes");
    }
}
