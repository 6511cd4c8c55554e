package callguide.assist;

/**
 * A small English suffix stemmer for procedure search, so "bailiffs" finds "bailiff" and "complained"
 * finds "complaint"'s neighbours "complain"/"complaining". It strips, in order: plural endings (ies, sses,
 * es after s/x/z/ch/sh, s), then -ing and -ed (undoing a doubled last consonant), then -ly; it never
 * leaves a stem shorter than three letters. Both the passages and the query go through it, so a rough
 * stem is enough: it only has to map the forms of a word to one key.
 */
public final class Stemmer {
    private Stemmer() {}

    public static String stem(String word) {
        String w = word;
        if (w.length() <= 3 || !w.chars().allMatch(Character::isLetter)) return w;
        if (w.endsWith("ies") && w.length() > 4) w = w.substring(0, w.length() - 3) + "y";
        else if (w.endsWith("sses")) w = w.substring(0, w.length() - 2);
        else if (w.endsWith("es") && (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("zes") || w.endsWith("ches") || w.endsWith("shes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.substring(0, w.length() - 1);
        w = strip(w, "ing");
        w = strip(w, "ed");
        if (w.endsWith("ly") && w.length() - 2 >= 3) w = w.substring(0, w.length() - 2);
        return w;
    }

    /** Strips an ending when a stem of three or more letters with a vowel is left; "stopped" becomes "stop". */
    private static String strip(String w, String ending) {
        if (!w.endsWith(ending)) return w;
        String s = w.substring(0, w.length() - ending.length());
        if (s.length() < 3 || s.chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0)) return w;
        int n = s.length();
        if (n >= 4 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgmnprt".indexOf(s.charAt(n - 1)) >= 0) s = s.substring(0, n - 1);
        return s;
    }
}
