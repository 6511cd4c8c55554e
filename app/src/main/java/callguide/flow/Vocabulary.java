package callguide.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The product's public ids: facts and their options, outcome codes and flags. Flows, the API, the
 * database and reports all use these words, so they live in code and a flow cannot rename them.
 */
public record Vocabulary(Map<String, List<String>> choiceFacts, Set<String> dateFacts, Set<String> outcomeCodes, Set<String> flags) {

    public static final Vocabulary INTAKE = new Vocabulary(intakeFacts(),
            Set.of("case_closed_on", "decision_date"),
            Set.of("WARM_TRANSFER_RESOLUTION_TEAM", "REFER_SLA_TEAM", "ADVISE_CONTRACT_MANAGER",
                    "REFER_THIRD_PARTY_TEAM", "EMPLOYER_PAYMENT_PROCEDURE", "REFER_ICE_TEAM", "REFER_PHSO_TEAM",
                    "STAFF_CONDUCT_CONFIDENTIAL", "SIGNPOST_CM_OPTIONS", "OUT_OF_TIME", "MANDATORY_RECONSIDERATION",
                    "DISPUTE_RESOLUTION", "EFFECTIVE_DATE_CHALLENGE", "REFER_RESOLUTION_TEAM", "REFER_REVIEW_TEAM",
                    "SIGNPOST_ICE", "RECORD_DISSATISFACTION", "RAISE_COMPLAINT"),
            Set.of("cm_options_referral", "parliamentary_contact", "notify_ice_on_closure", "continue_payments", "ni_terms"));

    /** The version of the shared vocabulary these ids follow (../shared/spec/intake-vocabulary.md). */
    public static final int VERSION = 2;

    private static Map<String, List<String>> intakeFacts() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("contact_route", List.of("inbound_call", "mp_hotline", "written"));
        f.put("region", List.of("gb", "ni"));
        f.put("caller", List.of("client", "client_representative", "mp_mla", "government_department",
                "contracted_supplier", "employer", "other_third_party", "ice", "phso"));
        f.put("staff_conduct", List.of("yes", "no"));
        f.put("mp_purpose", List.of("complaint", "case_enquiry", "general_enquiry"));
        f.put("ice_contact", List.of("failed_gateway", "investigation"));
        f.put("sla_process", List.of("yes", "no"));
        f.put("deo_payment", List.of("yes", "no"));
        f.put("about_cm_options", List.of("no", "only", "partly"));
        f.put("challenges_decision", List.of("yes", "no"));
        f.put("effective_date_challenge", List.of("yes", "no"));
        f.put("existing_complaint", List.of("none", "unhappy_with_bau", "unhappy_with_resolution_team",
                "unhappy_with_review_team"));
        f.put("bau_within_6_months", List.of("yes", "no"));
        f.put("mp_raised", List.of("yes", "no"));
        f.put("resolvable_now", List.of("yes", "no", "consolatory_payment_only"));
        return Map.copyOf(f);
    }

    public boolean isFact(String id) {
        return choiceFacts.containsKey(id) || dateFacts.contains(id);
    }
}
