package callguide.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as people in the UK read them, on every page: 27 November 2026, 14:05, 27/11/2026 14:05. */
public final class UkTime {
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private UkTime() {
    }

    /** A length of time as a call timer shows it: 4:05, or 1:02:03 past an hour. */
    public static String elapsed(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZONE));
    }

    /** The time of day in the UK, 14:05. */
    public static String clock(Instant at) {
        return at == null ? "" : CLOCK.format(at.atZone(ZONE));
    }

    /** A short UK date and time, 27/11/2026 10:00, for tables. */
    public static String shortTime(Instant at) {
        return at == null ? "" : SHORT.format(at.atZone(ZONE));
    }
}
