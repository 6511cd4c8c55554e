package callguide.assist;

import callguide.config.Config;
import callguide.flow.Vocabulary;
import callguide.support.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggesterTest {
    static final AnswerIndex INDEX = TestApp.answers(Config.from(Map.of()));
    final Suggester suggester = new Suggester(INDEX, AssistSettings.DEFAULT_MIN_SCORE);

    @Test
    void suggests_the_answer_with_the_sentence_it_rests_on() {
        List<Suggestion> s = suggester.suggest("staff_conduct",
                "I rang last Tuesday. The adviser I spoke to was really rude and hung up on me. I was upset.");
        assertEquals("yes", s.get(0).answer());
        assertEquals("The adviser I spoke to was really rude and hung up on me.", s.get(0).evidence());
        assertTrue(s.get(0).confidence() > 0.5 && s.get(0).confidence() <= 1, "confidence " + s.get(0).confidence());
    }

    @Test
    void below_the_threshold_nothing_is_suggested() {
        String text = "The adviser I spoke to was rude.";
        assertFalse(suggester.suggest("staff_conduct", text).isEmpty());
        assertEquals(List.of(), new Suggester(INDEX, 0.99).suggest("staff_conduct", text));
    }

    @Test
    void empty_or_wordless_text_gets_no_suggestion() {
        assertEquals(List.of(), suggester.suggest("caller", ""));
        assertEquals(List.of(), suggester.suggest("caller", "   \n\t "));
        assertEquals(List.of(), suggester.suggest("caller", null));
        assertEquals(List.of(), suggester.suggest("caller", "<p><br/></p> ... !!!"));
    }

    @Test
    void greetings_thanks_and_fillers_alone_get_no_suggestion() {
        for (String text : List.of("hello", "Hello?", "Hi there, good morning.", "Um, thanks.", "Sorry, pardon?")) {
            for (String question : INDEX.questions()) {
                assertEquals(List.of(), suggester.suggestWithRunnerUp(question, text), question + ": " + text);
            }
        }
        assertEquals("government_department", suggester.suggest("caller", "Hello, it's the tax office.").get(0).answer(),
                "a greeting with something said is read as before");
        assertEquals("mp_mla", suggester.suggest("caller", "Hello. I'm the MP for the constituency.").get(0).answer());
    }

    @Test
    void speech_in_another_language_or_noise_gets_no_suggestion() {
        for (String text : List.of("Dw i eisiau cwyno am y gwasanaeth cynhaliaeth plant.",
                "Chcę złożyć skargę na pracownika, był niegrzeczny.", "我想投诉你们的工作人员", "asdf qwer zxcv")) {
            for (String question : INDEX.questions()) {
                assertEquals(List.of(), suggester.suggest(question, text), question + ": " + text);
            }
        }
    }

    @Test
    void markup_never_comes_back_in_the_evidence() {
        List<Suggestion> s = suggester.suggest("caller",
                "<script>alert('x')</script><b>I'm calling from HMRC</b> about <img src=x onerror=alert(1)> a case.");
        assertEquals("government_department", s.get(0).answer());
        s.forEach(x -> assertFalse(x.evidence().contains("<") || x.evidence().contains(">"), x.evidence()));
    }

    /** An unsure suggestion is shown with the closest two answers, so the runner-up comes however far behind. */
    @Test
    void the_panel_gets_the_runner_up_and_the_api_keeps_to_the_threshold() {
        String text = "they were a bit off with me maybe";
        List<Suggestion> api = suggester.suggest("staff_conduct", text);
        List<Suggestion> panel = suggester.suggestWithRunnerUp("staff_conduct", text);
        assertEquals(1, api.size(), "the API keeps to the threshold: " + api);
        assertEquals(api.get(0).answer(), panel.get(0).answer(), "the same best answer");
        assertEquals(2, panel.size(), panel.toString());
        assertTrue(suggester.suggestWithRunnerUp("caller", "Je voudrais parler à quelqu'un de mon dossier, s'il vous plaît.").isEmpty(),
                "nothing close: no suggestion, and so no runner-up");
    }

    @Test
    void very_long_text_is_capped_and_still_answered() {
        String text = "I'm the paying parent on this case. " + "blah ".repeat(50_000);
        List<Suggestion> s = suggester.suggest("caller", text);
        assertEquals("client", s.get(0).answer());
        assertTrue(s.get(0).evidence().length() <= Suggester.MAX_EVIDENCE);
        assertTrue(Utterance.of(text).text().length() <= Utterance.MAX_CHARS);
    }

    @Test
    void a_question_without_examples_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> suggester.suggest("case_closed_on", "last year"));
    }

    @Test
    void every_option_of_every_question_has_examples() {
        LabelledExamples bundled = LabelledExamples.bundled(Vocabulary.INTAKE.choiceFacts());
        for (String q : LabelledExamples.QUESTIONS) {
            assertEquals(Vocabulary.INTAKE.choiceFacts().get(q).stream().sorted().toList(),
                    bundled.byQuestion().get(q).keySet().stream().sorted().toList(), q);
            bundled.byQuestion().get(q).forEach((o, texts) -> assertTrue(texts.size() >= 7, q + "/" + o));
        }
    }

    @Test
    void held_out_utterances_are_answered_right_nine_times_in_ten_on_every_question() throws IOException {
        Evaluation.Report report = Evaluation.run(suggester, heldOut("/assist/eval.yaml"));
        for (Evaluation.Score s : report.scores()) {
            assertTrue(s.accuracy() >= 0.9, s.question() + " " + s.accuracy() + " " + s.misses());
        }
    }

    @Test
    void harder_held_out_utterances_are_answered_right_nine_times_in_ten_overall() throws IOException {
        Evaluation.Report report = Evaluation.run(suggester, heldOut("/assist/eval-hard.yaml"));
        assertTrue(report.overall() >= 0.9, report.overall() + " " + report.scores());
    }

    @Test
    void fresh_held_out_utterances_are_answered_right_nine_times_in_ten_overall() throws IOException {
        Evaluation.Report report = Evaluation.run(suggester, heldOut("/assist/eval-fresh.yaml"));
        assertTrue(report.overall() >= 0.9, report.overall() + " " + report.scores());
    }

    /**
     * Spoken as a paying or receiving parent, with denials and two-part complaints; written before tuning and
     * never tuned on. Only the figures are printed, not the misses, so tuning cannot be steered by them.
     */
    @Test
    void parents_held_out_utterances_are_answered_right_85_times_in_100_on_every_question() throws IOException {
        Evaluation.Report report = Evaluation.run(suggester, heldOut("/assist/eval-parents.yaml"));
        StringBuilder figures = new StringBuilder();
        for (Evaluation.Score s : report.scores()) {
            figures.append(String.format(Locale.ROOT, "%-26s %5.1f%% (%d/%d)%n", s.question(), s.accuracy() * 100, s.right(), s.total()));
        }
        figures.append(String.format(Locale.ROOT, "overall %.1f%% over %d utterances%n", report.overall() * 100, report.nanos().length));
        System.out.print("eval-parents.yaml\n" + figures);
        List<String> below = report.scores().stream().filter(s -> s.accuracy() < 0.85).map(Evaluation.Score::question).toList();
        assertTrue(below.isEmpty(), "below 85%: " + below + "\n" + figures);
    }

    @Test
    void a_denial_suggests_the_opposite_of_what_it_denies() {
        assertEquals("no", suggester.suggest("staff_conduct", "No one was horrible to me, I just want my arrears collected.").get(0).answer());
        assertEquals("no", suggester.suggest("challenges_decision", "I'm not disputing the figure, the payments are late.").get(0).answer());
        assertEquals("yes", suggester.suggest("staff_conduct", "The caseworker was horrible to me.").get(0).answer());
    }

    @Test
    void a_denial_is_read_as_what_it_denies_but_a_complaint_is_not() {
        Cues cues = Cues.bundled();
        assertTrue(cues.denies("Nobody was rude to me"));
        assertEquals("someone was rude to me", cues.affirmed("Nobody was rude to me"));
        assertEquals("it's to do with options", cues.affirmed("It's nothing to do with Options"));
        assertFalse(cues.denies("I'm not happy with the CMS"));
    }

    @Test
    void praise_of_one_service_denies_complaining_about_it() {
        Cues cues = Cues.bundled();
        assertTrue(cues.denies("Options were brilliant"));
        assertEquals("options were the problem", cues.affirmed("Options were brilliant"));
        assertFalse(cues.denies("the CMS charged me fees I wasn't told about"), "not being told is a complaint");
        assertEquals("no", suggester.suggest("about_cm_options", "Options were brilliant, the CMS has been terrible.").get(0).answer());
        assertEquals("no", suggester.suggest("about_cm_options", "Options gave me good advice, it's you lot that's messed it up.").get(0).answer());
        assertEquals("only", suggester.suggest("about_cm_options", "The CMS did nothing wrong, it's Options who misled me.").get(0).answer());
    }

    @Test
    void options_and_the_maintenance_service_together_suggest_partly() {
        assertEquals("partly", suggester.suggest("about_cm_options",
                "Options gave me duff advice, and then the CMS lost my forms as well.").get(0).answer());
        assertEquals("only", suggester.suggest("about_cm_options", "It's only Options, they gave me duff advice.").get(0).answer());
    }

    @Test
    void which_parent_is_speaking_says_nothing_about_which_service() {
        assertEquals(List.of(), suggester.suggest("about_cm_options", "I'm the paying parent."));
        assertEquals("only", suggester.suggest("about_cm_options", "I'm the paying parent, it's only Options I'm unhappy with.").get(0).answer());
    }

    @Test
    void one_service_named_alone_does_not_suggest_both() {
        assertEquals("no", suggester.suggest("about_cm_options",
                "It's the Child Maintenance Service that has let me down as the receiving parent.").get(0).answer());
        assertEquals("no", suggester.suggest("about_cm_options", "Options aren't part of it, my problem is the CMS calculation.").get(0).answer());
    }

    @Test
    void a_third_party_speaking_of_a_paying_parent_is_not_heard_as_the_parent() {
        assertEquals("government_department", suggester.suggest("caller",
                "Ministry of Defence pay office, one of our soldiers is a paying parent.").get(0).answer());
        assertEquals("client", suggester.suggest("caller", "Hi, it's the paying parent on the case speaking.").get(0).answer());
    }

    @Test
    void a_caller_who_says_where_they_speak_from_is_suggested_as_that_body_and_a_denial_as_its_opposite() {
        assertEquals("other_third_party", suggester.suggest("caller", "I'm from the bank, a paying parent's account has an order from you.").get(0).answer());
        assertEquals("phso", suggester.suggest("caller", "PHSO here, we're looking into a receiving parent's case.").get(0).answer());
        assertEquals("mp_mla", suggester.suggest("caller", "I'm ringing on the MP hotline about a paying parent.").get(0).answer());
        assertEquals("client", suggester.suggest("caller", "I'm not a representative, I'm the mum on the case.").get(0).answer());
        assertEquals("client_representative", suggester.suggest("caller", "I'm not the parent, I'm calling for my brother who pays.").get(0).answer());
        assertEquals("client", suggester.suggest("caller", "It's the DVLA that's taken my licence and I've paid every penny.").get(0).answer());
    }

    @Test
    void a_parent_speaking_of_another_body_is_still_the_client() {
        assertEquals("client", suggester.suggest("caller", "My MP said I should ring you myself about my arrears.").get(0).answer());
        assertEquals("client", suggester.suggest("caller", "I'm the paying parent and the bailiffs came round to my house.").get(0).answer());
        assertEquals("client_representative", suggester.suggest("caller",
                "It's not my case, it's my cousin's, she asked me to phone.").get(0).answer());
        assertEquals("employer", suggester.suggest("caller", "I'm the employer of a paying parent, you've sent a deduction order.").get(0).answer());
    }

    private LabelledExamples heldOut(String resource) throws IOException {
        LabelledExamples held;
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            held = LabelledExamples.read(in, Vocabulary.INTAKE.choiceFacts());
        }
        assertEquals(LabelledExamples.QUESTIONS.stream().sorted().toList(), held.byQuestion().keySet().stream().sorted().toList());
        held.byQuestion().forEach((q, byAnswer) -> assertEquals(Vocabulary.INTAKE.choiceFacts().get(q).stream().sorted().toList(),
                byAnswer.keySet().stream().sorted().toList(), resource + " covers every option of " + q));
        return held;
    }

    @Test
    void from_transcript_lines_the_newest_line_outweighs_an_older_one_and_its_line_is_named() {
        List<Suggester.FromLine> s = suggester.suggestFromLines("existing_complaint", List.of(
                "No, this is new, I have never complained before.",
                "I rang last month about this and I'm still unhappy with how it was handled."));
        assertEquals("unhappy_with_bau", s.get(0).suggestion().answer());
        assertEquals(1, s.get(0).line(), "the evidence is the newest line");
        assertTrue(s.get(0).suggestion().evidence().contains("still unhappy"));
        List<Suggester.FromLine> reversed = suggester.suggestFromLines("existing_complaint", List.of(
                "I rang last month about this and I'm still unhappy with how it was handled.",
                "No, this is new, I have never complained before."));
        assertEquals("none", reversed.get(0).suggestion().answer(), "the same words in the other order: the newest wins again");
    }
}
