package callguide.call;

import callguide.flow.Outcome;
import callguide.flow.Outcomes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Working days per UK nation: Monday to Friday minus that nation's bank holidays.
 * Holidays come from a file in GOV.UK's bank-holidays.json format so the list can be
 * refreshed from the official source rather than recomputed from rules here. The list runs out (GOV.UK
 * publishes a few years ahead), so the calendar knows how far it covers, and a working-day deadline counted
 * past that is marked approximate rather than silently missing a holiday.
 */
public final class WorkingCalendar {
    private static final String BUNDLED_RESOURCE = "/bank-holidays.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<Nation, Set<LocalDate>> holidays;
    /** Per nation, the first and last days whose bank holidays are known: whole years the list has any for. */
    private final Map<Nation, LocalDate> knownFrom;
    private final Map<Nation, LocalDate> knownUntil;

    private WorkingCalendar(Map<Nation, Set<LocalDate>> holidays) {
        Map<Nation, Set<LocalDate>> copy = new EnumMap<>(Nation.class);
        Map<Nation, LocalDate> from = new EnumMap<>(Nation.class);
        Map<Nation, LocalDate> until = new EnumMap<>(Nation.class);
        holidays.forEach((nation, dates) -> {
            copy.put(nation, Set.copyOf(dates));
            dates.stream().min(LocalDate::compareTo).ifPresent(first -> from.put(nation, LocalDate.of(first.getYear(), 1, 1)));
            dates.stream().max(LocalDate::compareTo).ifPresent(last -> until.put(nation, LocalDate.of(last.getYear(), 12, 31)));
        });
        this.holidays = copy;
        this.knownFrom = from;
        this.knownUntil = until;
    }

    public static WorkingCalendar bundled() {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + BUNDLED_RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + BUNDLED_RESOURCE, e);
        }
    }

    /** Every nation must be present: silently treating a missing nation as "no holidays" would shorten deadlines. */
    public static WorkingCalendar parse(InputStream json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Bank holidays file is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Bank holidays file must be a JSON object keyed by nation id ("
                    + Nation.validIds() + ")");
        }
        Map<Nation, Set<LocalDate>> holidays = new EnumMap<>(Nation.class);
        for (Nation nation : Nation.values()) {
            holidays.put(nation, parseEvents(nation, root.get(nation.id())));
        }
        return new WorkingCalendar(holidays);
    }

    private static Set<LocalDate> parseEvents(Nation nation, JsonNode division) {
        if (division == null || !division.path("events").isArray()) {
            throw new IllegalArgumentException("Bank holidays file has no events array for nation '" + nation.id() + "'");
        }
        Set<LocalDate> dates = new HashSet<>();
        for (JsonNode event : division.get("events")) {
            String date = event.path("date").asText("");
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Bank holidays file has a malformed date '" + date + "' for nation '"
                        + nation.id() + "' (expected yyyy-MM-dd)", e);
            }
        }
        return dates;
    }

    public boolean isWorkingDay(Nation nation, LocalDate date) {
        Objects.requireNonNull(nation, "nation");
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.get(nation).contains(date);
    }

    /** The Nth working day after {@code from}; {@code from} itself never counts, even if it is a working day. */
    public LocalDate addWorkingDays(Nation nation, LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        LocalDate date = from;
        for (int remaining = days; remaining > 0; ) {
            date = date.plusDays(1);
            if (isWorkingDay(nation, date)) {
                remaining--;
            }
        }
        return date;
    }

    /** Kept alongside working days so callers choose the rule explicitly at one place. */
    public LocalDate addCalendarDays(LocalDate from, int days) {
        return from.plusDays(days);
    }

    /** Whether {@code nation}'s bank holidays are known for {@code date}. */
    public boolean covers(Nation nation, LocalDate date) {
        LocalDate first = knownFrom.get(Objects.requireNonNull(nation, "nation"));
        LocalDate last = knownUntil.get(nation);
        return first != null && !date.isBefore(first) && !date.isAfter(last);
    }

    /** The last day whose bank holidays are known for every nation; null when a nation has none at all. */
    public LocalDate knownUntil() {
        if (knownUntil.size() < Nation.values().length) return null;
        return knownUntil.values().stream().min(LocalDate::compareTo).orElseThrow();
    }

    /** Whether the known bank holidays end on or before {@code day} (for a warning while there is time to update them). */
    public boolean runsOutBy(LocalDate day) {
        LocalDate until = knownUntil();
        return until == null || !until.isAfter(day);
    }

    /**
     * An outcome's deadlines counted from {@code from} for a call in {@code nation}: working days skip that
     * nation's bank holidays, and one that ends past the known holidays is approximate.
     */
    public Outcome.DueDates dueDates(Nation nation, LocalDate from) {
        Objects.requireNonNull(nation, "nation");
        return new Outcome.DueDates() {
            @Override
            public LocalDate due(Outcomes.DeadlineRule rule) {
                return rule.workingDays() ? addWorkingDays(nation, from, rule.days()) : addCalendarDays(from, rule.days());
            }

            @Override
            public boolean approximate(Outcomes.DeadlineRule rule, LocalDate due) {
                // Every day counted must be known; counting no days at all is exact.
                return rule.workingDays() && due.isAfter(from) && !(covers(nation, from.plusDays(1)) && covers(nation, due));
            }
        };
    }
}
