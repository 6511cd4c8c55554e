package callguide.review;

import callguide.flow.Flow;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.web.CallViews;
import callguide.web.Pages;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Where calls end, how long they take, where handlers go back or give up: bar charts with their numbers. */
public final class InsightsPage {
    /** Calls in progress and untouched for this long count as abandoned. */
    public static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

    /** One bar: its label, the number shown beside it, and its length as a share of the longest (0-100). */
    public record Bar(String label, String value, int percent) {}

    public record Chart(String id, String title, List<Bar> bars) {}

    /** A period the page can show: its query value, its name, and whether it is the one shown. */
    public record PeriodLink(String value, String label, boolean current) {}

    public record Insights(long completed, String median, String dissatisfactionShare, String complaintShare,
                           long dissatisfactions, long complaints, List<Chart> charts, List<PeriodLink> periods) {}

    private static final Map<String, String> PERIODS = new java.util.LinkedHashMap<>();

    static {
        PERIODS.put("all", "All calls");
        PERIODS.put("12m", "This month and the 11 before");
        PERIODS.put("30d", "Last 30 days");
    }

    private final InsightsDao dao;
    private final Flow flow;
    private final Renderer renderer;
    private final Clock clock;

    public InsightsPage(InsightsDao dao, Flow flow, Renderer renderer, Clock clock) {
        this.dao = dao;
        this.flow = flow;
        this.renderer = renderer;
        this.clock = clock;
    }

    public void show(Context ctx) {
        String chosen = PERIODS.containsKey(ctx.queryParam("period")) ? ctx.queryParam("period") : "all";
        InsightsDao.Period period = period(chosen);
        List<InsightsDao.Count> outcomes = dao.perOutcome(period);
        long completed = outcomes.stream().mapToLong(InsightsDao.Count::count).sum();
        long dissatisfied = count(outcomes, "RECORD_DISSATISFACTION");
        long complaints = count(outcomes, "RAISE_COMPLAINT");
        long both = dissatisfied + complaints;
        Function<InsightsDao.Count, String> asIs = c -> "" + c.count();
        List<Chart> charts = List.of(
                chart("per-outcome", "Calls per outcome", outcomes, asIs, c -> c.label()),
                chart("changed", "Questions where handlers went back and changed an answer", dao.changedQuestions(period), asIs, this::prompt),
                chart("abandoned", "Questions where calls were left (in progress, untouched for over an hour)",
                        dao.abandonedAt(clock.instant().minus(ABANDONED_AFTER), period), asIs, this::prompt),
                chart("per-day", "Calls per day (median time to outcome)", dao.perDay(period), InsightsPage::withMedian, c -> c.label()),
                chart("per-handler", "Calls per handler (median time to outcome)", dao.perHandler(period), InsightsPage::withMedian, c -> c.label()));
        Pages.render(ctx, "review/insights.jte", new Insights(completed,
                CallViews.elapsed(Duration.ofSeconds(dao.medianSecondsToOutcome(period))),
                share(dissatisfied, both), share(complaints, both), dissatisfied, complaints, charts,
                PERIODS.entrySet().stream().map(e -> new PeriodLink(e.getKey(), e.getValue(), e.getKey().equals(chosen))).toList()));
    }

    /** Whole months (UK time) where the period allows, so the monthly counts can answer. */
    private InsightsDao.Period period(String key) {
        return switch (key) {
            case "30d" -> new InsightsDao.Period(clock.instant().minus(Duration.ofDays(30)), null);
            case "12m" -> {
                java.time.LocalDate first = java.time.LocalDate.now(clock.withZone(UK)).withDayOfMonth(1).minusMonths(11);
                yield new InsightsDao.Period(first.atStartOfDay(UK).toInstant(), first);
            }
            default -> InsightsDao.Period.ALL;
        };
    }

    private static Chart chart(String id, String title, List<InsightsDao.Count> counts,
                               Function<InsightsDao.Count, String> value, Function<InsightsDao.Count, String> label) {
        long max = counts.stream().mapToLong(InsightsDao.Count::count).max().orElse(1);
        return new Chart(id, title, counts.stream()
                .map(c -> new Bar(label.apply(c), value.apply(c), (int) Math.round(100.0 * c.count() / Math.max(1, max)))).toList());
    }

    private String prompt(InsightsDao.Count c) {
        Question q = flow == null ? null : flow.questions().get(c.label());
        return q == null ? c.label() : renderer.step(q, Map.of()).prompt();
    }

    private static String withMedian(InsightsDao.Count c) {
        return c.count() + " (" + CallViews.elapsed(Duration.ofSeconds(c.seconds())) + ")";
    }

    private static long count(List<InsightsDao.Count> counts, String code) {
        return counts.stream().filter(c -> code.equals(c.label())).mapToLong(InsightsDao.Count::count).sum();
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }
}
