package callguide.assist;

import java.util.regex.Pattern;

/** Text that leaves the assistant: no markup, and no email address (the internal mailboxes are addresses). */
final class SafeText {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");

    private SafeText() {}

    static String of(String text) {
        if (text == null) return null;
        String s = TAG.matcher(text).replaceAll(" ").replace("<", " ").replace(">", " ");
        return EMAIL.matcher(s).replaceAll(ProcedureDocuments.WITHHELD).replaceAll("[ \\t]+", " ").strip();
    }
}
