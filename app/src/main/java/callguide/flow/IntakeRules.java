package callguide.flow;

import java.util.Map;
import java.util.Set;

/**
 * The few intake ids that code acts on, named once: every package asks here rather than spelling a fact, answer or
 * outcome code itself. Each id is the shared vocabulary's ({@link Vocabulary}); a test holds the two together.
 */
public final class IntakeRules {
    /** The intake flow's id: the one a new call starts on. */
    public static final String FLOW = "intake";

    public static final String CONTACT_ROUTE = "contact_route";
    public static final String INBOUND_CALL = "inbound_call";
    public static final String MP_HOTLINE = "mp_hotline";
    public static final String WRITTEN = "written";
    public static final String REGION = "region";
    public static final String GB = "gb";
    public static final String NI = "ni";
    public static final String CALLER = "caller";
    public static final String MP_MLA = "mp_mla";
    public static final String STAFF_CONDUCT = "staff_conduct";
    public static final String RESOLVABLE_NOW = "resolvable_now";
    public static final String CONSOLATORY_PAYMENT_ONLY = "consolatory_payment_only";
    public static final String MP_PURPOSE = "mp_purpose";
    public static final String GENERAL_ENQUIRY = "general_enquiry";

    public static final String RECORD_DISSATISFACTION = "RECORD_DISSATISFACTION";
    public static final String RAISE_COMPLAINT = "RAISE_COMPLAINT";
    public static final String STAFF_CONDUCT_CONFIDENTIAL = "STAFF_CONDUCT_CONFIDENTIAL";
    public static final String WARM_TRANSFER_RESOLUTION_TEAM = "WARM_TRANSFER_RESOLUTION_TEAM";
    public static final String REFER_RESOLUTION_TEAM = "REFER_RESOLUTION_TEAM";
    public static final String PARLIAMENTARY_CONTACT = "parliamentary_contact";
    public static final String NOTIFY_ICE_ON_CLOSURE = "notify_ice_on_closure";

    /** Outcomes after which an MP or MLA on the phone is warm-transferred to the Complaints Resolution Team (procedure 001). */
    public static final Set<String> WARM_TRANSFER_OUTCOMES = Set.of(WARM_TRANSFER_RESOLUTION_TEAM, STAFF_CONDUCT_CONFIDENTIAL);
    /** Outcomes that become a case in the Complaints Resolution Team's queue (procedure 002). */
    public static final Set<String> RESOLUTION_TEAM_OUTCOMES = Set.of(WARM_TRANSFER_RESOLUTION_TEAM, REFER_RESOLUTION_TEAM);
    /** Contact routes on which the caller is on the phone now, so can be transferred. */
    public static final Set<String> PHONE_ROUTES = Set.of(INBOUND_CALL, MP_HOTLINE);

    private IntakeRules() {
    }

    /** A staff-conduct complaint: nothing about it may be recorded beyond the fact it was passed on. */
    public static boolean confidential(String question, String answer) {
        return STAFF_CONDUCT.equals(question) && "yes".equals(answer);
    }

    public static boolean confidential(Map<String, String> answers) {
        return confidential(STAFF_CONDUCT, answers.get(STAFF_CONDUCT));
    }

    /** Northern Ireland's terms, teams and bank holidays apply. */
    public static boolean northernIreland(Map<String, String> answers) {
        return NI.equals(answers.get(REGION));
    }

    /** The team a case belongs to: {@link #NI} or {@link #GB}. */
    public static String team(Map<String, String> answers) {
        return northernIreland(answers) ? NI : GB;
    }

    public static boolean written(Map<String, String> answers) {
        return WRITTEN.equals(answers.get(CONTACT_ROUTE));
    }

    public static boolean fromMpOrMla(Map<String, String> answers) {
        return MP_MLA.equals(answers.get(CALLER));
    }

    /** An MP or MLA's letter, which goes to the regional CRT "immediately" (002 intro). */
    public static boolean mpLetter(Map<String, String> answers) {
        return written(answers) && fromMpOrMla(answers);
    }

    /** BAU's "non complaint consolatory payment referral only" (002 step 11). */
    public static boolean consolatoryOnly(Map<String, String> answers) {
        return CONSOLATORY_PAYMENT_ONLY.equals(answers.get(RESOLVABLE_NOW));
    }

    /** An MP or MLA's non-case specific query (002 steps 30-33). */
    public static boolean nonCaseSpecificQuery(Map<String, String> answers) {
        return GENERAL_ENQUIRY.equals(answers.get(MP_PURPOSE));
    }

    /** An MP or MLA on the phone whose call reached a warm-transfer outcome. */
    public static boolean warmTransferable(String outcomeCode, Map<String, String> answers) {
        return outcomeCode != null && WARM_TRANSFER_OUTCOMES.contains(outcomeCode) && fromMpOrMla(answers)
                && PHONE_ROUTES.contains(answers.get(CONTACT_ROUTE));
    }

    /** A call that opens a case for the Complaints Resolution Team: a referral, or an MP's staff-conduct complaint handed over. */
    public static boolean opensResolutionCase(String outcomeCode, Map<String, String> answers) {
        return RESOLUTION_TEAM_OUTCOMES.contains(outcomeCode) || (STAFF_CONDUCT_CONFIDENTIAL.equals(outcomeCode) && fromMpOrMla(answers));
    }
}
