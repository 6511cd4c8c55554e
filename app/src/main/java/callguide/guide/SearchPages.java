package callguide.guide;

import callguide.assist.Asker;
import callguide.assist.Assist;
import callguide.assist.Passage;
import callguide.assist.ProcedureSearch;
import callguide.assist.Stemmer;
import callguide.assist.Utterance;
import callguide.call.Call;
import callguide.flow.Source;
import callguide.web.Pages;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Procedure search beside a call: passages with their citations, the query's words marked; and, with a
 * chat model configured, a question answered from those passages alone.
 */
public final class SearchPages {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    private static final java.util.Set<String> COMMON = java.util.Set.of("the", "and", "for", "are", "was", "with", "what",
            "who", "how", "not", "you", "our", "this", "that", "has", "have", "from", "can", "does", "when", "which");

    /** A run of a passage's text, marked where it holds a word of the query. */
    public record Part(String text, boolean marked) {}

    /** One passage found: where it comes from (the document's name, and its file name for small print), and its text in marked runs. */
    public record Result(String document, String name, String heading, Integer step, boolean flow, List<Part> text, List<Source> sources) {
        /** The card's title: the heading without the flow's "Question:" or "Outcome:" before it. */
        public String title() {
            int colon = heading.indexOf(": ");
            return flow && colon > 0 ? heading.substring(colon + 2) : heading;
        }
    }

    /** The search box and its results; {@code answer} is the chat model's, when asked and configured. */
    public record SearchPage(UUID callId, String query, String ask, List<Result> results, String answer, String detail,
                             boolean searched, boolean chatModel, List<Pages.FieldError> errors) {}

    private final CallViews views;
    private final Assist assist;

    public SearchPages(CallViews views, Assist assist) {
        this.views = views;
        this.assist = assist;
    }

    public void show(Context ctx) {
        Call call = views.own(ctx);
        if (call == null) return;
        String q = trim(ctx.queryParam("q"));
        // A staff-conduct complaint keeps no details anywhere, so nothing typed on it goes to a chat model.
        boolean askable = assist.chatModel() && !call.confidential();
        String ask = askable ? trim(ctx.queryParam("ask")) : "";
        SearchPage page = !ask.isEmpty() ? asked(call.id(), ask) : searched(call.id(), q, ctx.queryParam("q") != null, askable);
        boolean partial = ctx.header("HX-Request") != null;
        // htmx leaves a 4xx unshown, so the partial carries its error with a 200.
        if (!page.errors().isEmpty() && !partial) ctx.status(422);
        Pages.render(ctx, partial ? "assist/search_results.jte" : "assist/search.jte", page);
    }

    private SearchPage searched(UUID callId, String q, boolean submitted, boolean askable) {
        String problem = problem(q, "#q", "Enter what to look for in the procedures");
        if (!submitted || problem != null) {
            List<Pages.FieldError> errors = submitted ? List.of(new Pages.FieldError("#q", problem)) : List.of();
            return new SearchPage(callId, q, "", List.of(), null, null, false, askable, errors);
        }
        List<Result> results = assist.search().search(q, AssistApi.SEARCH_RESULTS).stream().map(h -> result(h, q)).toList();
        String detail = askable ? null : assist.chatModel()
                ? "Questions to the chat model are off on a staff-conduct complaint, which keeps no details: these are the passages that best match."
                : "No chat model is configured, so Callguide shows the passages that best match and writes no answers.";
        return new SearchPage(callId, q, "", results, null, detail, true, askable, List.of());
    }

    private SearchPage asked(UUID callId, String ask) {
        String problem = problem(ask, "#ask", "Enter a question about the procedures");
        if (problem != null) return new SearchPage(callId, "", ask, List.of(), null, null, false, true, List.of(new Pages.FieldError("#ask", problem)));
        Asker.Reply reply = assist.asker().ask(ask);
        List<Result> results = reply.passages().stream().map(h -> result(h, ask)).toList();
        return new SearchPage(callId, "", ask, results, reply.answer(), reply.detail(), true, true, List.of());
    }

    private static String problem(String text, String field, String empty) {
        if (text.isEmpty()) return empty;
        if (text.length() > AssistApi.MAX_QUERY) return "Enter " + AssistApi.MAX_QUERY + " characters or fewer";
        if (Utterance.of(text).text().chars().noneMatch(Character::isLetterOrDigit)) return empty + ", in words";
        return null;
    }

    private static Result result(ProcedureSearch.Hit hit, String query) {
        Passage.Citation c = hit.passage().citation();
        boolean flow = Passage.Citation.FLOW.equals(c.kind());
        return new Result(c.document(), flow ? "The flow for this call" : c.name(), c.heading(), c.step(), flow,
                marked(hit.passage().text(), query), hit.passage().sources());
    }

    /**
     * The passage split into runs, with each word of the query (three letters or more) marked: a word that starts
     * with it, or that shares its stem, as search does ("bailiffs" marks "bailiff" too).
     */
    static List<Part> marked(String text, String query) {
        List<String> words = new ArrayList<>();
        Matcher w = WORD.matcher(query.toLowerCase(Locale.UK));
        while (w.find()) if (!COMMON.contains(w.group())) words.add(w.group());
        List<Part> parts = new ArrayList<>();
        if (words.isEmpty()) return List.of(new Part(text, false));
        java.util.Set<String> stems = new java.util.HashSet<>();
        words.forEach(q -> stems.add(Stemmer.stem(q)));
        Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text);
        int at = 0;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.UK);
            if (words.stream().noneMatch(word::startsWith) && !stems.contains(Stemmer.stem(word))) continue;
            if (m.start() > at) parts.add(new Part(text.substring(at, m.start()), false));
            parts.add(new Part(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) parts.add(new Part(text.substring(at), false));
        return parts;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
