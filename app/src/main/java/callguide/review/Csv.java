package callguide.review;

import java.time.Instant;
import java.util.List;

/** The export of a list of calls, as RFC 4180 CSV that a spreadsheet cannot mistake for formulas. */
public final class Csv {
    static final String HEADER = "call_id,handler,started_at_uk,completed_at_uk,status,outcome_code,flags,flow_version,seconds";

    private Csv() {}

    public static String of(List<CallRow> rows) {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (CallRow r : rows) {
            line(b, r.id().toString(), r.handler(), text(r.startedAt()), text(r.completedAt()), r.status(), r.outcome(),
                    String.join(" ", r.flags()), r.flowVersion(), Long.toString(r.seconds()));
        }
        return b.toString();
    }

    public static void header(java.io.Writer out) {
        write(out, HEADER + "\r\n");
    }

    /** One call's line, written straight to {@code out}. */
    public static void line(java.io.Writer out, CallRow r) {
        StringBuilder b = new StringBuilder(160);
        line(b, r.id().toString(), r.handler(), text(r.startedAt()), text(r.completedAt()), r.status(), r.outcome(),
                String.join(" ", r.flags()), r.flowVersion(), Long.toString(r.seconds()));
        write(out, b);
    }

    private static void write(java.io.Writer out, CharSequence s) {
        try {
            out.append(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the export's reader went away", e);
        }
    }

    private static void line(StringBuilder b, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(',');
            b.append(cell(cells[i]));
        }
        b.append("\r\n");
    }

    /** Quotes what needs quoting; a leading =, +, -, @, tab or carriage return is defused with an apostrophe. */
    static String cell(String v) {
        if (v == null) return "";
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.startsWith("'");
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** UK local time (GMT or BST, as the clocks said), the way a spreadsheet user in the UK reads it. */
    private static String text(Instant at) {
        return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(at.atZone(java.time.ZoneId.of("Europe/London")));
    }
}
