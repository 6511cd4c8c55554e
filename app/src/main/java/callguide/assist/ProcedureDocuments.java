package callguide.assist;

import callguide.assist.Passage.Citation;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.splitter.DocumentBySentenceSplitter;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Procedure documents (*.txt in a folder) split into passages: one per numbered step, and the prose under
 * each heading in pieces of a few sentences. Email addresses are withheld: the internal mailboxes in the
 * procedures are for staff, and passages can reach a chat model and its answers.
 */
public final class ProcedureDocuments {
    static final int MAX_PASSAGE = 700;
    private static final Pattern STEP = Pattern.compile("^(\\d{1,3})\\.\\s+(.*)");
    /** A Markdown heading ("# Stage 1"), as some procedure documents mark theirs: always a heading, whatever its case. */
    private static final Pattern MARKED_HEADING = Pattern.compile("^#{1,6}\\s+(\\S.*?)\\s*#*$");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern LINK = Pattern.compile("\\[([^]]*)]\\([^)]*\\)");
    static final String WITHHELD = "[internal address withheld]";
    private static final DocumentBySentenceSplitter SENTENCES = new DocumentBySentenceSplitter(MAX_PASSAGE, 0);

    private ProcedureDocuments() {}

    /**
     * The passages of every document in the folder, each cited by the document's name: the name in
     * {@code names} (by file name, as the flows give them), else its first heading, else its file name.
     */
    public static List<Passage> read(Path dir, Map<String, String> names) {
        if (dir == null) return List.of();
        if (!Files.isDirectory(dir)) throw new IllegalStateException("PROCEDURES_DIR " + dir + " is not a folder");
        List<Passage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            // A folder's README says what the documents are; it is not one of them.
            for (Path p : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().toUpperCase(java.util.Locale.ROOT).startsWith("README")).sorted().toList()) {
                String file = p.getFileName().toString();
                List<Passage> passages = split(file, Files.readString(p, StandardCharsets.UTF_8));
                String name = names.get(file);
                if (name == null) name = passages.stream().map(x -> x.citation().heading()).filter(h -> !h.equals(file)).findFirst().orElse(file);
                for (Passage x : passages) out.add(new Passage(x.text(), x.citation().named(name), x.sources()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read procedure documents in " + dir, e);
        }
        return out;
    }

    static List<Passage> split(String document, String text) {
        List<Passage> out = new ArrayList<>();
        String heading = document;
        Integer step = null;
        StringBuilder body = new StringBuilder();
        // Documents converted from PDF space their words with no-break spaces, which Java's whitespace is not.
        String[] lines = text.replace("\r", "").replace('\u00a0', ' ').split("\n");
        boolean sentenceEnded = true;
        for (int i = 0; i < lines.length; i++) {
            String line = clean(lines[i]);
            Matcher m = STEP.matcher(line);
            Matcher marked = MARKED_HEADING.matcher(line);
            boolean isMarked = marked.matches();
            String before = i == 0 ? "" : lines[i - 1], after = i + 1 < lines.length ? lines[i + 1] : "";
            if (isMarked || isHeading(line, before, after) || sentenceEnded && isWordHeading(line, before, after)) {
                flush(out, document, heading, step, body);
                heading = isMarked ? marked.group(1) : line;
                step = null;
                sentenceEnded = true;
                continue;
            } else if (m.matches()) {
                flush(out, document, heading, step, body);
                step = Integer.valueOf(m.group(1));
                body.append(m.group(2)).append(' ');
            } else if (!line.isEmpty()) {
                body.append(line).append(' ');
            }
            if (!line.isEmpty()) sentenceEnded = ".!?:".indexOf(line.charAt(line.length() - 1)) >= 0;
        }
        flush(out, document, heading, step, body);
        return out;
    }

    /**
     * A single capitalised word standing alone after a finished sentence ("Refunds"). Only after one: a document
     * converted from PDF can put each word of a sentence on a line of its own.
     */
    static boolean isWordHeading(String line, String before, String after) {
        return before.isBlank() && after.isBlank() && line.length() >= 3 && line.split("\\s+").length == 1 && titleLike(line);
    }

    /** A short line standing alone, of at least two words or in capitals, that does not end a sentence. */
    static boolean isHeading(String line, String before, String after) {
        if (line.isEmpty() || line.length() > 80 || !before.isBlank()) return false;
        if (!after.isBlank() && !STEP.matcher(after.strip()).matches() && after.strip().length() < 80) return false;
        if (!titleLike(line)) return false;
        return line.split("\\s+").length >= 2 || line.equals(line.toUpperCase()) && line.length() > 3;
    }

    /** Begins with a capital, is no step or list item, and does not end as a clause does. */
    private static boolean titleLike(String line) {
        if (STEP.matcher(line).matches() || line.startsWith("-") || line.startsWith("*") || line.startsWith("[")) return false;
        return ".,;:".indexOf(line.charAt(line.length() - 1)) < 0 && Character.isUpperCase(line.codePointAt(0));
    }

    private static void flush(List<Passage> out, String document, String heading, Integer step, StringBuilder body) {
        String text = body.toString().replaceAll("\\s+", " ").strip();
        body.setLength(0);
        if (text.length() < 20) return;
        // Long prose is packed whole sentences at a time into passages of at most MAX_PASSAGE characters.
        for (TextSegment piece : SENTENCES.split(Document.from(text))) {
            out.add(new Passage(piece.text(), new Citation(document, heading, step, Citation.PROCEDURE, document), List.of()));
        }
    }

    private static String clean(String line) {
        String s = LINK.matcher(line).replaceAll("$1").replace("**", "").strip();
        return EMAIL.matcher(s).replaceAll(WITHHELD);
    }
}
