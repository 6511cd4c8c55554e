package callguide.web;

import callguide.account.Role;
import callguide.support.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suggested answer and procedure search as a browser without JavaScript sees them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistPagesTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningApp app = RunningApp.start();
    String base;
    String auth;
    String csrf;

    @BeforeAll
    void start() throws Exception {
        app.accounts()
                .create("dana", Role.handler, "dana-password-1");
        base = app.base();
        HttpResponse<String> form = get("/sign-in");
        String formCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_form=")).findFirst().orElseThrow();
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", formCookie.split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token(form.body(), "name=\"csrf\" value=\"([^\"]+)\"")
                        + "&next=/&username=dana&password=dana-password-1")).build(), HttpResponse.BodyHandlers.ofString());
        auth = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("callguide_auth=")).findFirst().orElseThrow().split(";")[0];
        csrf = token(get("/").body(), "name=\"csrf-token\" content=\"([^\"]+)\"");
    }

    @Test
    void what_the_caller_said_brings_a_suggestion_and_answering_records_it_as_accepted_or_overridden() throws Exception {
        String call = callAtTheCallerQuestion();
        HttpResponse<String> page = post(call + "/questions/caller/suggest",
                "heard=" + enc("Hello. <b>I'm ringing about my own case</b>, I'm the paying parent."));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-suggested=\"client\""), "the client is suggested");
        assertTrue(page.body().contains("The client (paying parent or receiving parent)"));
        assertTrue(Pattern.compile("(High|Medium|Low) confidence \\(\\d+%\\)").matcher(page.body()).find(), "confidence in words and figures");
        assertFalse(page.body().contains("<b>I'm"), "the caller's words are never echoed as markup");
        assertTrue(app.reviewer().get("/api/calls/" + id(call) + "/events").json().size() == 3, "asking records nothing");
        assertTrue(post(call + "/questions/caller/suggest", "heard=").body().contains("Enter what the caller said to get a suggestion"));

        String confidence = token(page.body(), "name=\"confidence\" value=\"([^\"]+)\"");
        String evidence = token(page.body(), "name=\"evidence\" value=\"([^\"]+)\"").replace("&#39;", "'");
        assertEquals(303, answer(call, "caller", "client", "client", confidence, evidence).statusCode());
        JsonNode accepted = lastSuggestion(call);
        assertEquals("client", accepted.get("answer").asText());
        assertTrue(accepted.at("/detail/accepted").asBoolean());
        assertTrue(accepted.get("note").asText().contains("paying parent"), "the evidence is kept");

        assertEquals(303, answer(call, "staff_conduct", "no", "yes", "0.9", "The case worker was rude to me").statusCode());
        JsonNode overridden = lastSuggestion(call);
        assertFalse(overridden.at("/detail/accepted").asBoolean());
        assertEquals("no", overridden.get("answer").asText());
    }

    @Test
    void a_staff_conduct_answer_keeps_no_evidence_and_a_forged_suggestion_is_not_recorded() throws Exception {
        String call = callAtTheCallerQuestion();
        assertEquals(303, answer(call, "caller", "client", "client", "0.95", "I pay maintenance").statusCode());
        HttpResponse<String> toCheck = answer(call, "staff_conduct", "yes", "yes", "0.9", "The case worker shouted at me");
        assertTrue(toCheck.headers().firstValue("Location").orElse("").contains("/check?question=staff_conduct"));
        assertEquals(303, post(call + "/check", "question=staff_conduct&answer=yes").statusCode());
        JsonNode events = app.reviewer().get("/api/calls/" + id(call) + "/events").json();
        assertFalse(events.toString().contains("shouted") || events.toString().contains("I pay maintenance"), events.toString());

        String other = callAtTheCallerQuestion();
        int before = app.reviewer().get("/api/calls/" + id(other) + "/events").json().size();
        assertEquals(303, answer(other, "caller", "client", "martian", "7", "x").statusCode(), "the answer still goes through");
        assertEquals(before + 1, app.reviewer().get("/api/calls/" + id(other) + "/events").json().size(), "the answer alone is recorded");
    }

    @Test
    void the_search_page_cites_passages_and_says_no_chat_model_is_configured() throws Exception {
        String call = callAtTheCallerQuestion();
        HttpResponse<String> page = get(call + "/search?q=" + enc("third party acting for a client"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("callguide-passage"), "passages are shown");
        assertTrue(page.body().contains("data-citation=\"document\">The flow for this call <span class=\"callguide-code\">intake.yaml</span>"),
                "each passage names its document in words, its file in small print");
        assertTrue(page.body().contains("<mark>third</mark>"), "the query's words are marked");
        assertTrue(page.body().contains("No chat model is configured"));
        assertFalse(page.body().contains("name=\"ask\""), "no Ask form without a model");
        HttpResponse<String> empty = get(call + "/search?q=");
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("govuk-error-summary") && empty.body().contains("Enter what to look for in the procedures"));
    }

    @Test
    void help_and_search_cards_name_each_procedure_document_in_words() throws Exception {
        String call = callAtTheCallerQuestion();
        String help = get(call + "/questions/caller").body();
        assertTrue(help.contains("in <span data-file=\"001_21bd69183501bf20.txt\">Complaints overview (001)</span> <span class=\"callguide-code\">001_21bd69183501bf20.txt</span>"),
                "the document by name, its file in small print");
        assertFalse(help.contains("in 001_21bd69183501bf20.txt"), "the file name is not the headline");
        String timeline = app.reviewer().pages().get("/review/calls/" + id(call)).body();
        assertTrue(timeline.contains("in <span data-file=\"003_1c7ef1f00196df8c.txt\">Complaints overview, web version with Northern Ireland terms (003)</span>"),
                "the timeline's replay of a question names its sources too");
        for (String q : new String[] {"bailiff", "bailiffs"}) {
            String found = get(call + "/search?q=" + q).body();
            assertTrue(found.contains("<h3 class=\"govuk-summary-card__title\">Who is complaining?</h3>"), q + " finds the question that lists bailiffs");
            assertTrue(found.contains("in <span data-file=\"000_8e5d05a8eeed3fc3.txt\">Third-party complaints (000)</span>"), q + ": its sources by name");
            assertTrue(found.toLowerCase(java.util.Locale.UK).contains("<mark>bailiffs</mark>"), q + ": the word is marked in any form");
        }
    }

    private String callAtTheCallerQuestion() throws Exception {
        String call = post("/calls", "").headers().firstValue("Location").orElseThrow();
        assertEquals(303, post(call + "/questions/contact_route", "answer=inbound_call").statusCode());
        assertEquals(303, post(call + "/questions/region", "answer=gb").statusCode());
        return call;
    }

    private HttpResponse<String> answer(String call, String question, String answer, String suggested, String confidence, String evidence) throws Exception {
        return post(call + "/questions/" + question, "answer=" + answer + "&suggested=" + suggested + "&confidence=" + confidence
                + "&evidence=" + enc(evidence));
    }

    private JsonNode lastSuggestion(String call) {
        JsonNode last = null;
        for (JsonNode e : app.reviewer().get("/api/calls/" + id(call) + "/events").json()) if ("suggestion".equals(e.get("type").asText())) last = e;
        assertTrue(last != null, "a suggestion event is recorded");
        return last;
    }

    private static String id(String call) {
        return call.substring(call.lastIndexOf('/') + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String token(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), "no " + regex + " in the page");
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (auth != null) b.header("Cookie", auth);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + (form.isEmpty() ? "" : "&" + form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
