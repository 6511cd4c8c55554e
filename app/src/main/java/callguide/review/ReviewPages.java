package callguide.review;

import callguide.web.Pages;
import callguide.web.UkTime;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The supervisors' list of calls: filtered, sorted, paged and exported; and the log of who looked at which call. */
public final class ReviewPages {
    public record Row(String id, String handler, String started, String status, String outcome, String outcomeCode, String flags,
                      String duration) {}

    public record SortHeader(String label, String href, String ariaSort) {}

    public record ListPage(ReviewFilter filter, List<Pages.FieldError> errors, List<Row> rows, int total, int page, int pages,
                           List<SortHeader> headers, String previous, String next, String csv,
                           List<String> handlers, List<String> outcomes, List<String> flags, String fromText, String toText,
                           Titles titles) {
        /** A field's error message, or null. */
        public String error(String field) {
            return errors.stream().filter(e -> e.href().equals("#" + field)).map(Pages.FieldError::text).findFirst().orElse(null);
        }
    }

    public record AccessRow(String at, String username, String role, String callId, String page) {}

    private static final Map<String, String> COLUMNS = new java.util.LinkedHashMap<>();

    static {
        COLUMNS.put("started", "Started");
        COLUMNS.put("handler", "Handler");
        COLUMNS.put("status", "Status");
        COLUMNS.put("outcome", "Outcome");
        COLUMNS.put("duration", "Time taken");
    }

    private static final java.time.format.DateTimeFormatter UK_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReviewDao dao;
    private final Titles titles;

    public ReviewPages(ReviewDao dao, Titles titles) {
        this.dao = dao;
        this.titles = titles;
    }

    public void list(Context ctx) {
        ReviewFilter.Read read = ReviewFilter.read(ctx::queryParam);
        ReviewFilter f = read.filter();
        int total = dao.count(f);
        int pages = Math.max(1, (total + ReviewFilter.PAGE_SIZE - 1) / ReviewFilter.PAGE_SIZE);
        // Next and Previous carry the row they continue from, so any page is read from an index in order.
        ReviewDao.Cursor cursor = f.page() == 1 ? null : ctx.queryParam("after") != null
                ? ReviewDao.Cursor.parse(ctx.queryParam("after"), false) : ReviewDao.Cursor.parse(ctx.queryParam("before"), true);
        ReviewDao.Page page = dao.page(f, cursor);
        if (cursor != null && cursor.before() && page.rows().size() < ReviewFilter.PAGE_SIZE) page = dao.page(f, null);
        List<Row> rows = page.rows().stream().map(this::row).toList();
        List<SortHeader> headers = new ArrayList<>();
        COLUMNS.forEach((key, label) -> {
            boolean current = key.equals(f.sort());
            boolean desc = current ? !f.descending() : key.equals("started") || key.equals("duration");
            headers.add(new SortHeader(label, "/review?" + f.query(key, desc, 1),
                    current ? (f.descending() ? "descending" : "ascending") : "none"));
        });
        List<Pages.FieldError> errors = read.problems().entrySet().stream()
                .map(e -> new Pages.FieldError("#" + e.getKey(), e.getValue())).toList();
        if (!errors.isEmpty()) ctx.status(400);
        String previous = f.page() <= 1 ? null : f.page() == 2 || page.first() == null ? "/review?" + f.page(f.page() - 1).query()
                : "/review?" + f.page(f.page() - 1).query() + "&before=" + page.first().text();
        String next = f.page() >= pages ? null : page.last() == null ? "/review?" + f.page(f.page() + 1).query()
                : "/review?" + f.page(f.page() + 1).query() + "&after=" + page.last().text();
        Pages.render(ctx, "review/list.jte", new ListPage(f, errors, rows, total, f.page(), pages, headers, previous, next,
                "/review/calls.csv?" + f.query(f.sort(), f.descending(), 1), dao.handlers(), dao.outcomes(), dao.flags(),
                typed(ctx.queryParam("from"), f.from()), typed(ctx.queryParam("to"), f.to()), titles));
    }

    /** A date field shown back as it was typed, or as dd/mm/yyyy when it came from a link. */
    private static String typed(String raw, java.time.LocalDate read) {
        if (raw != null && raw.contains("/")) return raw.strip(); // typed in the UK way: as typed ("3/12/2026" stays so)
        if (read != null) return UK_DATE.format(read);
        return raw == null ? "" : raw;
    }

    public void csv(Context ctx) throws java.io.IOException {
        ReviewFilter.Read read = ReviewFilter.read(ctx::queryParam);
        ctx.header("Cache-Control", "no-store");
        if (!read.problems().isEmpty()) {
            // Exporting with the bad part left out would hand over more calls than were asked for.
            ctx.status(400).contentType("text/plain; charset=utf-8").result("No calls were exported. Fix the filter:\n"
                    + String.join("\n", read.problems().values()) + "\n");
            return;
        }
        ReviewFilter f = read.filter();
        ctx.header("Content-Disposition", "attachment; filename=\"calls.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        // Written as the rows arrive from PostgreSQL: a year of calls takes no more memory than a day's.
        try (java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(),
                java.nio.charset.StandardCharsets.UTF_8), 64 * 1024)) {
            Csv.header(out);
            dao.forEach(f, r -> Csv.line(out, r));
        }
    }

    public void accessLog(Context ctx) {
        List<AccessRow> rows = dao.accessLog(500).stream().map(a -> new AccessRow(UkTime.time(a.at()), a.username(),
                a.role(), a.callId().toString(), a.page())).toList();
        Pages.render(ctx, "review/access_log.jte", rows);
    }

    private Row row(CallRow r) {
        return new Row(r.id().toString(), r.handler(), UkTime.shortTime(r.startedAt()), status(r.status()),
                r.outcome() == null ? "" : titles.outcomeOf(r), r.outcome() == null ? "" : r.outcome(),
                String.join(", ", r.flags().stream().map(titles::flag).toList()),
                UkTime.elapsed(java.time.Duration.ofSeconds(r.seconds())));
    }

    public static String status(String status) {
        return switch (status) {
            case "completed" -> "Completed";
            case "ended" -> "Ended without an outcome";
            default -> "In progress";
        };
    }
}
