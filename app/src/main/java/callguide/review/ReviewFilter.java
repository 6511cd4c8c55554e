package callguide.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Which calls to list: every part optional. Read from the query string; a bad part is named, not guessed. */
public record ReviewFilter(LocalDate from, LocalDate to, String handler, String outcome, String flag, String status,
                           String sort, boolean descending, int page) {
    public static final int PAGE_SIZE = 25;
    public static final Set<String> SORTS = Set.of("started", "handler", "outcome", "status", "duration");
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    // Four-digit years in a sane range only: the database cannot compare with year +999999999.
    private static final Pattern UK_SHAPE = Pattern.compile("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}");
    private static final Pattern ISO_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final int FIRST_YEAR = 1900, LAST_YEAR = 2200;

    public static ReviewFilter all() {
        return new ReviewFilter(null, null, null, null, null, null, "started", true, 1);
    }

    public static ReviewFilter forHandler(String handler) {
        return new ReviewFilter(null, null, handler, null, null, null, "started", true, 1);
    }

    /** The filter, and a message for each part that could not be read (those parts are left out). */
    public record Read(ReviewFilter filter, Map<String, String> problems) {}

    public static Read read(Function<String, String> query) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        LocalDate from = date(query.apply("from"), "from", "Started from", problems);
        LocalDate to = date(query.apply("to"), "to", "Started up to", problems);
        if (from != null && to != null && to.isBefore(from)) problems.put("to", "'Started up to' must be the same as or after 'Started from'");
        String status = blank(query.apply("status"));
        if (status != null && !status.equals("in_progress") && !status.equals("completed") && !status.equals("ended")) status = null;
        String sort = blank(query.apply("sort"));
        if (sort == null || !SORTS.contains(sort)) sort = "started";
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(query.apply("page") == null ? "1" : query.apply("page")));
        } catch (NumberFormatException ignored) {
            // an unreadable page number shows the first page
        }
        boolean desc = !"asc".equals(query.apply("dir"));
        return new Read(new ReviewFilter(from, problems.containsKey("to") ? null : to, blank(query.apply("handler")),
                blank(query.apply("outcome")), blank(query.apply("flag")), status, sort, desc, page), problems);
    }

    /** {@code label} is the field's label on the page, so the message names what the supervisor sees. */
    private static LocalDate date(String v, String name, String label, Map<String, String> problems) {
        v = blank(v);
        if (v == null) return null;
        LocalDate date = parse(v);
        if (date != null && date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) return date;
        problems.put(name, "Enter '" + label + "' as a real date between " + FIRST_YEAR + " and " + LAST_YEAR
                + ", like 27/11/2026");
        return null;
    }

    private static LocalDate parse(String v) {
        try {
            if (UK_SHAPE.matcher(v).matches()) return LocalDate.parse(v, UK_DATE);
            if (ISO_SHAPE.matcher(v).matches()) return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            // a day the month does not have: not a real date
        }
        return null;
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The query string for this filter with one part changed, for sort, paging and export links. */
    public String query(String sort, boolean descending, int page) {
        List<String> parts = new ArrayList<>();
        add(parts, "from", from == null ? null : from.toString());
        add(parts, "to", to == null ? null : to.toString());
        add(parts, "handler", handler);
        add(parts, "outcome", outcome);
        add(parts, "flag", flag);
        add(parts, "status", status);
        add(parts, "sort", sort);
        add(parts, "dir", descending ? "desc" : "asc");
        if (page > 1) add(parts, "page", "" + page);
        return String.join("&", parts);
    }

    public String query() {
        return query(sort, descending, page);
    }

    public ReviewFilter page(int n) {
        return new ReviewFilter(from, to, handler, outcome, flag, status, sort, descending, n);
    }

    private static void add(List<String> parts, String k, String v) {
        if (v != null) parts.add(k + "=" + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
    }
}
