package callguide.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the words in braces in flow text. Regional terms follow the call's region; names and numbers
 * come from configuration. Internal contacts are filled only in text marked internal: {@link #say}
 * has no way to reach them, which is what keeps them out of anything a client hears.
 */
public final class Terms {
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    public static final Set<String> REGIONAL = Set.of("MP", "MPs", "PHSO", "PHSOTeam", "HMCTS", "MoJ", "CMG");
    public static final Set<String> PUBLIC_CONTACTS = Set.of("Options", "OptionsPhone", "OptionsTextphone",
            "OptionsAddress", "OptionsWebsite", "OptionsHours", "IceAddress", "IcePhone", "IceTextphone", "IceWebsite", "IceHours");
    public static final Set<String> INTERNAL_CONTACTS = Set.of("OptionsMailbox", "IceTeamMailbox");

    /**
     * Names, numbers and addresses that change in the real world, set by configuration. The two
     * mailboxes are internal; every other contact may be given to a client.
     */
    public record Contacts(String options, String optionsPhone, String optionsTextphone,
                           String optionsMailbox, String iceTeamMailbox,
                           String optionsAddress, String optionsWebsite, String optionsHours,
                           String iceAddress, String icePhone, String iceTextphone, String iceWebsite, String iceHours) {

        // Defaults from the CM Options leaflet (004), which is old: configuration corrects them.
        public static final String OPTIONS_ADDRESS = "Selectapost 38, Sheffield S97 3FJ";
        public static final String OPTIONS_WEBSITE = "www.cmoptions.org";
        public static final String OPTIONS_HOURS = "8am to 8pm Monday to Friday, 9am to 4pm Saturday";
        public static final String ICE_ADDRESS = "The Independent Case Examiner, PO Box 155, Chester CH99 9SA";
        public static final String ICE_PHONE = "0845 606 0777";
        public static final String ICE_TEXTPHONE = "0151 801 8888";
        public static final String ICE_WEBSITE = "www.ind-case-exam.org.uk";
        public static final String ICE_HOURS = "8am to 5pm, Monday to Friday";

        /** The Options name, numbers and the internal mailboxes; every other contact from the defaults. */
        public Contacts(String options, String optionsPhone, String optionsTextphone, String optionsMailbox, String iceTeamMailbox) {
            this(options, optionsPhone, optionsTextphone, optionsMailbox, iceTeamMailbox, OPTIONS_ADDRESS, OPTIONS_WEBSITE,
                    OPTIONS_HOURS, ICE_ADDRESS, ICE_PHONE, ICE_TEXTPHONE, ICE_WEBSITE, ICE_HOURS);
        }
    }

    private final Map<String, String> publicWords;
    private final Map<String, String> internalWords;

    private Terms(Map<String, String> publicWords, Map<String, String> internalWords) {
        this.publicWords = publicWords;
        this.internalWords = internalWords;
    }

    public static Terms of(boolean northernIreland, Contacts contacts) {
        Map<String, String> words = regionalWords(northernIreland);
        words.put("Options", contacts.options());
        words.put("OptionsPhone", contacts.optionsPhone());
        words.put("OptionsTextphone", contacts.optionsTextphone());
        words.put("OptionsAddress", contacts.optionsAddress());
        words.put("OptionsWebsite", contacts.optionsWebsite());
        words.put("OptionsHours", contacts.optionsHours());
        words.put("IceAddress", contacts.iceAddress());
        words.put("IcePhone", contacts.icePhone());
        words.put("IceTextphone", contacts.iceTextphone());
        words.put("IceWebsite", contacts.iceWebsite());
        words.put("IceHours", contacts.iceHours());
        Map<String, String> internal = new HashMap<>(words);
        internal.put("OptionsMailbox", contacts.optionsMailbox());
        internal.put("IceTeamMailbox", contacts.iceTeamMailbox());
        return new Terms(Map.copyOf(words), Map.copyOf(internal));
    }

    /**
     * For lists of calls from both regions ("Warm transfer the MP or MLA ..."): each regional word names both, and
     * contacts are as for any call.
     */
    public static Terms bothRegions(Contacts contacts) {
        Terms gb = of(false, contacts), ni = of(true, contacts);
        Map<String, String> words = new HashMap<>(gb.publicWords);
        for (String w : REGIONAL) {
            String g = gb.publicWords.get(w), n = ni.publicWords.get(w);
            words.put(w, g.equals(n) || n.startsWith(g + " or ") || n.startsWith(g + " and ") ? n : g + " or " + n);
        }
        Map<String, String> internal = new HashMap<>(gb.internalWords);
        internal.putAll(words);
        return new Terms(Map.copyOf(words), Map.copyOf(internal));
    }

    /** The regional terms alone, for staff text that names no contact (the resolution flow's). */
    public static Terms regional(boolean northernIreland) {
        Map<String, String> words = Map.copyOf(regionalWords(northernIreland));
        return new Terms(words, words);
    }

    private static Map<String, String> regionalWords(boolean northernIreland) {
        Map<String, String> words = new HashMap<>();
        // 003 "NI OMBUDSMAN": MLA follows every reference to MP, so no NI text names Parliament alone.
        words.put("MP", northernIreland ? "MP or MLA" : "MP");
        words.put("MPs", northernIreland ? "MPs and MLAs" : "MPs");
        words.put("PHSO", northernIreland ? "Northern Ireland Ombudsman"
                : "Parliamentary and Health Service Ombudsman (PHSO)");
        // 001 names "the CMG's internal PHSO team"; in NI the Ombudsman's name replaces PHSO's (003).
        words.put("PHSOTeam", northernIreland ? "Northern Ireland Ombudsman team" : "PHSO team");
        words.put("HMCTS", northernIreland ? "Northern Ireland Courts and Tribunal Service (NICTS)"
                : "HM Courts and Tribunals Service (HMCTS)");
        words.put("MoJ", northernIreland ? "Department of Justice" : "Ministry of Justice");
        // 002 "CMG to be CMED in NI".
        words.put("CMG", northernIreland ? "CMED" : "CMG");
        return words;
    }

    /** Text a client may hear or receive, and text on the handler's screen that is not marked internal. */
    public String say(String text) {
        return fill(text, publicWords);
    }

    /** Text marked internal: for staff only. */
    public String internal(String text) {
        return fill(text, internalWords);
    }

    private static String fill(String text, Map<String, String> words) {
        if (text == null) return null;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = words.get(m.group(1));
            if (word == null) throw new IllegalStateException("no term for {" + m.group(1) + "} here");
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString();
    }
}
