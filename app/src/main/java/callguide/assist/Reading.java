package callguide.assist;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of what a caller said that are each scored: every clause (for a question with cues, else every
 * sentence), each sentence of several clauses and the whole of several sentences. A clause that denies something is read positively and marked, so its
 * vote can go to the opposite answer; a sentence or text holding a denial is left to its clauses.
 */
record Reading(List<Part> parts) {
    /**
     * A piece of speech to score, the sentence it comes from (-1 for the whole text), and for a denial what
     * it denies, read positively (else null).
     */
    record Part(String text, int sentence, boolean clause, String denied) {
        boolean denial() {
            return denied != null;
        }
    }

    /** {@code question}: clauses and denials are read only for a question with cues; others go by sentence. */
    static Reading of(Utterance u, Cues cues, String question) {
        boolean byClause = cues.reads(question);
        List<Part> parts = new ArrayList<>();
        boolean anyDenial = false;
        for (int i = 0; i < u.sentences().size(); i++) {
            String sentence = u.sentences().get(i);
            List<String> clauses = byClause ? Utterance.clauses(sentence) : List.of(sentence);
            boolean denial = false;
            for (String c : clauses) {
                String affirmed = byClause && cues.denies(c) ? cues.affirmed(c) : null;
                boolean denies = affirmed != null && affirmed.chars().anyMatch(Character::isLetter);
                denial |= denies;
                parts.add(new Part(c, i, true, denies ? affirmed : null));
            }
            if (clauses.size() > 1 && !denial) parts.add(new Part(sentence, i, false, null));
            anyDenial |= denial;
        }
        if (u.sentences().size() > 1 && !anyDenial) parts.add(new Part(u.text(), -1, false, null));
        return new Reading(List.copyOf(parts));
    }

    /** Every part's text, then what each denial denies. */
    List<String> texts() {
        List<String> texts = new ArrayList<>(parts.stream().map(Part::text).toList());
        parts.stream().filter(Part::denial).forEach(p -> texts.add(p.denied()));
        return texts;
    }
}
