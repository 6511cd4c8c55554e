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

    /** One bar: its label, the number shown beside it, and its length as a share of the longest (0-100). */
    public record Bar(String label, String value, int percent) {}

    public record Chart(String id, String title, List<Bar> bars) {}

    public record Insights(long completed, String median, String dissatisfactionShare, String complaintShare,
                           long dissatisfactions, long complaints, List<Chart> charts) {}

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
        List<InsightsDao.Count> outcomes = dao.perOutcome();
        long completed = outcomes.stream().mapToLong(InsightsDao.Count::count).sum();
        long dissatisfied = count(outcomes, "RECORD_DISSATISFACTION");
        long complaints = count(outcomes, "RAISE_COMPLAINT");
        long both = dissatisfied + complaints;
        Function<InsightsDao.Count, String> asIs = c -> "" + c.count();
        List<Chart> charts = List.of(
                chart("per-outcome", "Calls per outcome", outcomes, asIs, c -> c.label()),
                chart("changed", "Questions where handlers went back and changed an answer", dao.changedQuestions(), asIs, this::prompt),
                chart("abandoned", "Questions where calls were left (in progress, untouched for over an hour)",
                        dao.abandonedAt(clock.instant().minus(ABANDONED_AFTER)), asIs, this::prompt),
                chart("per-day", "Calls per day (median time to outcome)", dao.perDay(), InsightsPage::withMedian, c -> c.label()),
                chart("per-handler", "Calls per handler (median time to outcome)", dao.perHandler(), InsightsPage::withMedian, c -> c.label()));
        Pages.render(ctx, "review/insights.jte", new Insights(completed,
                CallViews.elapsed(Duration.ofSeconds(dao.medianSecondsToOutcome())),
                share(dissatisfied, both), share(complaints, both), dissatisfied, complaints, charts));
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
