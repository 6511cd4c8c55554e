package callguide.review;

import callguide.flow.Flow;
import callguide.flow.IntakeRules;
import callguide.flow.Question;
import callguide.flow.Renderer;
import callguide.web.Pages;
import callguide.web.UkTime;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Where calls end, how long they take, where handlers go back or give up: bar charts with their numbers. */
public final class InsightsPage {
    /** Calls in progress and untouched for this long count as abandoned. */
    public static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    /** One bar: its label, the number shown beside it, and its length as a share of the longest (0-100). */
    public record Bar(String label, String value, int percent) {}

    public record Chart(String id, String title, List<Bar> bars) {}

    public record Insights(long completed, String median, String dissatisfactionShare, String complaintShare,
                           long dissatisfactions, long complaints, List<Chart> charts, String period, String periodWords, long ended) {}

    /** The periods a supervisor can look at, by the value in the address. */
    public static final Map<String, String> PERIODS = new LinkedHashMap<>();

    static {
        PERIODS.put("7", "The last 7 days");
        PERIODS.put("30", "The last 30 days");
        PERIODS.put("90", "The last 90 days");
        PERIODS.put("365", "The last 12 months");
        PERIODS.put("all", "All time");
    }

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final InsightsDao dao;
    private final Flow flow;
    private final Renderer renderer;
    private final Clock clock;

    private final Titles titles;

    public InsightsPage(InsightsDao dao, Flow flow, Renderer renderer, Clock clock) {
        this.titles = new Titles(flow, renderer);
        this.dao = dao;
        this.flow = flow;
        this.renderer = renderer;
        this.clock = clock;
    }

    public void show(Context ctx) {
        String period = PERIODS.containsKey(ctx.queryParam("period")) ? ctx.queryParam("period") : "30";
        LocalDate from = period.equals("all") ? InsightsDao.ALL_TIME : LocalDate.now(clock.withZone(UK)).minusDays(Long.parseLong(period) - 1);
        List<InsightsDao.Count> outcomes = dao.perOutcome(from);
        long completed = outcomes.stream().mapToLong(InsightsDao.Count::count).sum();
        long dissatisfied = count(outcomes, IntakeRules.RECORD_DISSATISFACTION);
        long complaints = count(outcomes, IntakeRules.RAISE_COMPLAINT);
        long both = dissatisfied + complaints;
        InsightsDao.TimesToOutcome times = dao.timesToOutcome(from);
        Function<InsightsDao.Count, String> asIs = c -> "" + c.count();
        List<Chart> charts = List.of(
                chart("per-outcome", "Completed calls per outcome", outcomes, asIs, c -> titles.outcome(c.label())),
                chart("changed", "Questions where handlers went back and changed an answer (completed calls)", dao.changedQuestions(from), asIs, this::prompt),
                chart("abandoned", "Questions where calls were left (still in progress, untouched for over an hour)",
                        dao.abandonedAt(from, clock.instant().minus(ABANDONED_AFTER)), asIs, this::prompt),
                chart("per-day", "Completed calls per day (median time to outcome)", dao.perDay(from), InsightsPage::withMedian, c -> c.label()),
                chart("per-handler", "Completed calls per handler (median time to outcome)", times.perHandler(), InsightsPage::withMedian, c -> c.label()));
        Pages.render(ctx, "review/insights.jte", new Insights(completed,
                UkTime.elapsed(Duration.ofSeconds(times.medianSeconds())),
                share(dissatisfied, both), share(complaints, both), dissatisfied, complaints, charts, period, PERIODS.get(period),
                dao.ended(from)));
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
        return c.count() + " (" + UkTime.elapsed(Duration.ofSeconds(c.seconds())) + ")";
    }

    private static long count(List<InsightsDao.Count> counts, String code) {
        return counts.stream().filter(c -> code.equals(c.label())).mapToLong(InsightsDao.Count::count).sum();
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }
}
