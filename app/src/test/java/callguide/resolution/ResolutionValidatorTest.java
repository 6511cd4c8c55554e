package callguide.resolution;

import callguide.call.FlowCatalog;
import callguide.flow.FlowLoader;
import callguide.flow.FlowProblem;
import callguide.flow.InvalidFlow;
import callguide.flow.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolutionValidatorTest {
    private static final String CITE = "sources: [{file: 002_29dc4c45286f13bd.txt, heading: Execute action plan, step: 43}]";

    private static String flow(String stages) {
        return """
                kind: process
                id: tiny
                title: Tiny
                start: open
                documents: {002_29dc4c45286f13bd.txt: Resolution (002)}
                roles: {resolution_caseworker: Caseworker, resolution_team_leader: Team leader}
                clocks: {reply_wait: {days: 14, from: move, title: Wait}}
                resolution_codes: [Actions Complete – Client Ok]
                letters: {CMSL5708: {title: Resolved, purpose: Closes it}}
                stages:
                """ + stages.indent(2);
    }

    private static List<String> problems(String stages) {
        InvalidFlow e = assertThrows(InvalidFlow.class, () -> ProcessLoader.load("tiny.yaml", flow(stages)));
        return e.problems().stream().map(FlowProblem::message).toList();
    }

    private static final String CLOSED = "closed: {title: Closed, closes: true, " + CITE + ", moves: {}}\n";

    @Test
    void aValidFlowLoads() {
        ProcessFlow f = ProcessLoader.load("tiny.yaml", flow("open: {title: Open, " + CITE + ", moves: {done: {title: Done, to: closed, " + CITE + "}}}\n" + CLOSED));
        assertEquals(List.of("open", "closed"), List.copyOf(f.stages().keySet()));
    }

    /** `{label: Who was called (client, other client or MP)}` is a label cut at the comma and a key of its own. */
    @Test
    void aLabelCutShortByAnUnquotedCommaIsRefused() {
        assertTrue(problems("open: {title: Open, " + CITE + ", moves: {done: {title: Done, to: closed, " + CITE
                + ", fields: {who: {label: Who was called (client, other client or MP)}}}}}\n" + CLOSED).stream()
                .anyMatch(p -> p.contains("unknown key 'other client or MP)'")));
    }

    @Test
    void aFieldNeededWhenAnotherSaysSoMustNameAFieldOfItsMove() {
        assertTrue(problems("open: {title: Open, " + CITE + ", moves: {done: {title: Done, to: closed, " + CITE
                + ", fields: {name: {label: Name, optional: true, required_when: {nobody: \"yes\"}}}}}}\n" + CLOSED).stream()
                .anyMatch(p -> p.contains("required_when names 'nobody'")));
    }

    @Test
    void aMoveToNowhere() {
        assertTrue(problems("open: {title: Open, " + CITE + ", moves: {done: {title: Done, to: nowhere, " + CITE + "}}}\n" + CLOSED)
                .contains("moves to nowhere: no stage 'nowhere'"));
    }

    @Test
    void anUnreachableStage() {
        assertEquals(List.of("unreachable from open"), problems("open: {title: Open, " + CITE + ", moves: {done: {title: Done, to: closed, " + CITE + "}}}\n"
                + CLOSED + "lost: {title: Lost, " + CITE + ", moves: {done: {title: Done, to: closed, " + CITE + "}}}\n"));
    }

    @Test
    void anOpenStageThatCannotReachAClosure() {
        List<String> p = problems("open: {title: Open, " + CITE + ", moves: {a: {title: A, to: loop, " + CITE + "}, b: {title: B, to: closed, " + CITE + "}}}\n"
                + "loop: {title: Loop, " + CITE + ", moves: {again: {title: Again, to: loop, " + CITE + "}}}\n" + CLOSED);
        assertEquals(List.of("cannot reach a closure"), p);
    }

    @Test
    void anUncitedMoveAnInventedCodeAndAnUnknownLetter() {
        List<String> p = problems("open: {title: Open, " + CITE + ", moves: {done: {title: Done, to: closed, resolution_code: Withdrawn, letters: [CMSL9999]}}}\n" + CLOSED);
        assertTrue(p.contains("has no sources"), p.toString());
        assertTrue(p.contains("resolution code 'Withdrawn' is not one 002 gives"), p.toString());
        assertTrue(p.contains("unknown letter CMSL9999"), p.toString());
    }

    @Test
    void aCitedFileTheFlowDoesNotNameIsRefused() {
        String stages = "open: {title: Open, " + CITE + ", moves: {done: {title: Done, to: closed, " + CITE + "}}}\n" + CLOSED;
        InvalidFlow e = assertThrows(InvalidFlow.class, () -> ProcessLoader.load("tiny.yaml",
                flow(stages).replace("documents: {002_29dc4c45286f13bd.txt: Resolution (002)}", "documents: {000_8e5d05a8eeed3fc3.txt: Third parties (000)}")));
        assertEquals(List.of("[documents] cites 002_29dc4c45286f13bd.txt, which documents does not name"),
                e.problems().stream().map(p -> "[" + p.node() + "] " + p.message()).toList());
        // A flow that names no documents at all shows file names.
        ProcessLoader.load("tiny.yaml", flow(stages).replace("documents: {002_29dc4c45286f13bd.txt: Resolution (002)}\n", ""));
        ProcessFlow named = ProcessLoader.load("tiny.yaml", flow(stages));
        assertEquals("Resolution (002)", named.stage("open").sources().get(0).name());
    }

    @Test
    void aMoveRaisesOnlyACaseFlagAndOnlyFromItsOwnField() {
        String stages = "open: {title: Open, " + CITE + ", moves: {done: {title: Done, to: closed, " + CITE
                + ", fields: {mp: {label: MP involved, kind: choice, options: ['yes', 'no']}}, raises: {%s: %s}}}}\n" + CLOSED;
        ProcessLoader.load("tiny.yaml", flow(stages.formatted("parliamentary", "mp")));
        assertTrue(problems(stages.formatted("parliamentary", "nobody")).stream().anyMatch(p -> p.contains("not a field of this move")));
        assertTrue(problems(stages.formatted("made_up", "mp")).stream().anyMatch(p -> p.contains("not one of the case's flags")));
    }

    /** Words in braces are for what people read: filled per region in text, refused where the engine compares them. */
    @Test
    void wordsInBracesAreFilledInTextAndRefusedInConditions() {
        String text = "open: {title: 'Call the {MP}', " + CITE + ", moves: {done: {title: Done, to: closed, " + CITE
                + ", fields: {to_whom: {label: 'Addressee', kind: choice, options: ['{CMG}', other]}}}}}\n" + CLOSED;
        ProcessFlow ni = ProcessLoader.load("tiny.yaml", flow(text), callguide.flow.Terms.regional(true));
        assertEquals("Call the MP or MLA", ni.stage("open").title());
        Field addressee = ni.stage("open").moves().get("done").fields().get(0);
        assertEquals(List.of("CMG", "other"), addressee.options(), "the values are the same in every region");
        assertEquals(List.of("CMED", "other"), addressee.optionLabels());
        assertEquals("Call the MP", ProcessLoader.load("tiny.yaml", flow(text)).stage("open").title());

        InvalidFlow unknown = assertThrows(InvalidFlow.class, () -> ProcessLoader.load("tiny.yaml", flow(text.replace("{MP}", "{Minister}"))));
        assertTrue(unknown.getMessage().contains("{Minister}"), unknown.getMessage());
        InvalidFlow compared = assertThrows(InvalidFlow.class, () -> ProcessLoader.load("tiny.yaml",
                flow(text.replace("to: closed, ", "to: closed, when: [{to_whom: '{CMG}'}], "))));
        assertTrue(compared.getMessage().contains("not for when"), compared.getMessage());
    }

    @Test
    void theShippedFlowsGiveEachDocumentTheSameName() {
        ProcessFlow resolution = ResolutionFlows.shipped();
        var intake = new FlowLoader(Vocabulary.INTAKE).load("intake.yaml", callguide.flow.TestFlows.resource("/flows/intake.yaml"));
        assertEquals(java.util.Set.of("002_29dc4c45286f13bd.txt"), resolution.documents().keySet());
        resolution.documents().forEach((file, name) -> assertEquals(intake.documents().get(file), name, file));
        resolution.citations().forEach(c -> assertEquals("Complaint resolution process (002)", c.name(), c.toString()));
    }

    @Test
    void theIntakeCatalogueNeverReadsTheProcessFlow() {
        List<FlowCatalog.Entry> intake = FlowCatalog.read(new FlowLoader(Vocabulary.INTAKE), Path.of("../flows"));
        assertEquals(List.of("intake"), intake.stream().map(e -> e.flow().id()).toList());
        assertEquals("process", ProcessLoader.kind(FlowCatalog.files(Path.of("../flows")).get("resolution.yaml")));
    }
}
