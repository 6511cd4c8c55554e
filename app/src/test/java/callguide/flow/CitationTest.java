package callguide.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every source the flow cites is checked against the procedure files in ../shared/seeds: the heading is
 * in the cited file, a cited step sits under that heading, and a quote is in the file's words. The
 * product ships no procedure text; this test only reads it, and skips when the folder is not there.
 */
class CitationTest {
    static final Flow FLOW = TestFlows.intake();
    static final Map<String, List<String>> FILES = new HashMap<>();

    static Path seeds() {
        return callguide.support.Seeds.folder();
    }

    @BeforeAll
    static void read() throws IOException {
        Path dir = seeds();
        Assumptions.assumeTrue(Files.isDirectory(dir), "skipped: the procedure files are not at " + dir
                + " (set -Dcallguide.seeds to their folder to check the flow's citations)");
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                FILES.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8).lines().toList());
            }
        }
    }

    /** Every source in the flow, named by the node that cites it. */
    static Map<String, List<Source>> cited() {
        Map<String, List<Source>> out = new java.util.TreeMap<>();
        FLOW.questions().values().forEach(q -> out.put("question " + q.id(), q.sources()));
        FLOW.outcomes().values().forEach(o -> out.put("outcome " + o.id(), o.sources()));
        FLOW.flags().forEach(f -> out.put("flag " + f.id(), f.sources()));
        return out;
    }

    @Test
    void every_cited_heading_is_in_the_cited_file_and_every_step_sits_under_it() {
        List<String> wrong = new ArrayList<>();
        cited().forEach((node, sources) -> {
            for (Source s : sources) {
                List<String> lines = FILES.get(s.file());
                if (lines == null) {
                    wrong.add(node + ": no procedure file " + s.file());
                    continue;
                }
                if (lines.stream().noneMatch(l -> heading(l).equals(s.heading()))) {
                    wrong.add(node + ": " + s.file() + " has no heading \"" + s.heading() + "\"");
                } else if (s.step() != null) {
                    String under = headingAbove(lines, s.step());
                    if (!s.heading().equals(under)) {
                        wrong.add(node + ": step " + s.step() + " of " + s.file() + " sits under \"" + under + "\", not \"" + s.heading() + "\"");
                    }
                }
                if (s.quote() != null && !flat(String.join(" ", lines)).contains(flat(s.quote()))) {
                    wrong.add(node + ": " + s.file() + " does not say \"" + s.quote() + "\"");
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void the_overview_pdf_has_no_headings_so_it_is_cited_as_complaints_overview_with_a_short_quote() {
        cited().forEach((node, sources) -> sources.stream().filter(s -> s.file().startsWith("001_")).forEach(s -> {
            assertEquals("Complaints Overview", s.heading(), node);
            assertNull(s.step(), node);
            assertNotNull(s.quote(), node + " cites 001 without a quote: " + s);
            assertTrue(s.quote().split("\\s+").length <= 14, node + ": a short quote, not a copied passage: " + s.quote());
        }));
    }

    @Test
    void the_check_itself_places_steps_under_the_headings_the_vocabulary_lists() {
        List<String> resolution = FILES.get("002_29dc4c45286f13bd.txt");
        Assumptions.assumeTrue(resolution != null, "skipped: 002 is not among the procedure files");
        assertEquals("Complaints Resolution Team actions", headingAbove(resolution, 4));
        assertEquals("BAU Receive complaint", headingAbove(resolution, 11));
        assertEquals("Complaints Resolution Team Actions", headingAbove(resolution, 13));
        assertEquals("Caseworker action", headingAbove(resolution, 28));
        assertEquals("Non-case specific query from MP", headingAbove(resolution, 33));
        assertEquals("ICE - complaint due to failed gateway check", headingAbove(resolution, 47));
        List<String> third = FILES.get("000_8e5d05a8eeed3fc3.txt");
        assertEquals("Third party complaint", headingAbove(third, 4));
        assertEquals("Contact service level agreement team/contracts and commercials team", headingAbove(third, 5));
    }

    private static final Pattern MARKDOWN = Pattern.compile("^#+\\s*");

    static String heading(String line) {
        return MARKDOWN.matcher(line.replace('\u00a0', ' ').strip()).replaceFirst("").strip();
    }

    /** A line that stands alone as a heading: short, not a step, a list item, a link or a sentence. */
    static boolean looksLikeHeading(String line) {
        String t = heading(line);
        return !t.isEmpty() && t.length() <= 80 && !t.matches("^\\d+\\..*") && !t.startsWith("-") && !t.startsWith("[")
                && !t.startsWith("*") && !t.contains("**") && !t.endsWith(".") && !t.endsWith(":") && !t.endsWith(",");
    }

    /** The heading nearest above the line where step {@code n} begins, or null when the step is not there. */
    static String headingAbove(List<String> lines, int n) {
        Pattern step = Pattern.compile("^\\s*" + n + "\\.(\\s.*)?$");
        for (int i = 0; i < lines.size(); i++) {
            if (!step.matcher(lines.get(i)).matches()) continue;
            for (int j = i - 1; j >= 0; j--) if (looksLikeHeading(lines.get(j))) return heading(lines.get(j));
            return null;
        }
        return null;
    }

    /** Whitespace and curly apostrophes as the PDF text has them do not count. */
    static String flat(String s) {
        return s.replace('\u2019', '\'').replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
