package callguide.resolution;

/**
 * What a case is. A staff-conduct contact is only a placeholder: no details, no clocks, no moves
 * (000 step 1: "No details are recorded on the system").
 */
public enum CaseKind {
    complaint, mp_query, placeholder
}
