package callguide.resolution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every citation in the resolution flow, checked against 002 itself: the step sits under the heading cited. */
class ResolutionCitationTest {
    private static final String FILE = "002_29dc4c45286f13bd.txt";
    /** The headings of 002, as its own lines; the title counts for the text before step 1. */
    private static final List<String> HEADINGS = List.of("Complaint - Resolution", "Complaints Resolution Team actions",
            "BAU Receive complaint", "Complaints Resolution Team Actions", "No further action to be taken",
            "Further action to be taken", "Complaints Team action", "Team leader action", "Caseworker action",
            "General enquiry or case specific query from MP", "Non-case specific query from MP",
            "Client disagrees with action plan", "Execute action plan", "ICE - complaint due to failed gateway check",
            "CMSF5551 and CMSF5551 (NI) approval form issued to manager with relevant authorisation level");

    private static List<String> lines() throws IOException {
        Path seeds = Path.of("../../shared/seeds");
        if (!Files.isDirectory(seeds)) seeds = Path.of("../shared/seeds");
        Path file = seeds.resolve(FILE);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "skipped: the procedure documents are not here (" + file.toAbsolutePath() + "); citations were not checked");
        return Files.readAllLines(file).stream().map(String::strip).toList();
    }

    private static List<Citation> all(ProcessFlow flow) {
        List<Citation> out = new ArrayList<>(flow.parliamentarySources());
        out.addAll(flow.closureNotice().sources());
        flow.stages().values().forEach(s -> {
            out.addAll(s.sources());
            s.moves().values().forEach(m -> out.addAll(m.sources()));
        });
        return out;
    }

    /** The heading the numbered step sits under: the nearest heading line above it. */
    private static String headingOf(List<String> lines, int step) {
        Pattern p = Pattern.compile("^" + step + "\\.(\\s.*)?$");
        int at = IntStream.range(0, lines.size()).filter(i -> p.matcher(lines.get(i)).matches()).findFirst()
                .orElseThrow(() -> new AssertionError("002 has no step " + step));
        for (int i = at - 1; i >= 0; i--) if (HEADINGS.contains(lines.get(i))) return lines.get(i);
        throw new AssertionError("step " + step + " sits under no heading");
    }

    @Test
    void everyCitedStepSitsUnderTheHeadingItCites() throws IOException {
        List<String> lines = lines();
        List<String> wrong = new ArrayList<>();
        for (Citation c : all(ResolutionFlows.shipped())) {
            assertEquals(FILE, c.file(), "the resolution flow cites only 002");
            if (!lines.contains(c.heading())) wrong.add("no heading '" + c.heading() + "' in 002");
            else if (c.step() != null && !headingOf(lines, c.step()).equals(c.heading())) {
                wrong.add("step " + c.step() + " is under '" + headingOf(lines, c.step()) + "', not '" + c.heading() + "'");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOneOfThe47StepsIsCited() throws IOException {
        lines();
        Set<Integer> cited = new TreeSet<>();
        all(ResolutionFlows.shipped()).forEach(c -> { if (c.step() != null) cited.add(c.step()); });
        List<Integer> missing = IntStream.rangeClosed(1, 47).boxed().filter(i -> !cited.contains(i)).toList();
        assertEquals(List.of(), missing, "steps of 002 no move or stage cites");
    }

    @Test
    void step34IsCitedAsBlank() throws IOException {
        List<String> lines = lines();
        assertTrue(lines.contains("34."), "002's step 34 has no text");
        all(ResolutionFlows.shipped()).stream().filter(c -> Integer.valueOf(34).equals(c.step()))
                .forEach(c -> assertTrue(c.note() != null && c.note().contains("blank"), "step 34 cited without saying it is blank"));
    }

    @Test
    void theCheckCatchesAStepUnderTheWrongHeading() throws IOException {
        List<String> lines = lines();
        // Step 24 and step 35 sit under two different "Team leader action" headings; 25 is a caseworker's.
        assertEquals("Team leader action", headingOf(lines, 35));
        assertEquals("Caseworker action", headingOf(lines, 25));
        assertEquals("Client disagrees with action plan", headingOf(lines, 34));
    }
}
