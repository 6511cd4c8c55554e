package callguide.casework;

import callguide.flow.IntakeRules;
import callguide.resolution.CaseClock;
import callguide.resolution.CaseKind;
import callguide.resolution.ProcessFlow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The CRT's figures, on the original 15-day date (an agreed timetable never turns a miss into a hit):
 * share resolved within 15 days, overdue now, by root cause, by region, parliamentary cases by constituency.
 */
public final class Reports {
    /** One group's figures: cases, those resolved, those resolved within 15 days, open ones past the 15 days. */
    public record Row(String group, int cases, int resolved, int withinFifteen, int overdue) {
        public String share() {
            return resolved == 0 ? "-" : Math.round(100.0 * withinFifteen / resolved) + "%";
        }
    }

    public record Report(Row total, List<Row> byRootCause, List<Row> byRegion, List<Row> byConstituency) {}

    private Reports() {}

    public static Report of(List<CaseRecord> all, ProcessFlow flow, LocalDate today) {
        List<CaseRecord> complaints = all.stream().filter(c -> c.state().kind() == CaseKind.complaint).toList();
        return new Report(row("All complaints", complaints, today),
                group(complaints, c -> c.state().facts().getOrDefault("root_cause", "Not yet recorded"), today),
                group(complaints, c -> c.team().equals(IntakeRules.NI) ? "Northern Ireland" : "Great Britain", today),
                // An MP's non-case specific query is parliamentary work too, though no complaint.
                group(all.stream().filter(c -> c.state().kind() != CaseKind.placeholder && c.state().fact("parliamentary")).toList(),
                        c -> c.state().facts().getOrDefault("constituency", "Not yet recorded"), today));
    }

    private static List<Row> group(List<CaseRecord> cases, Function<CaseRecord, String> key, LocalDate today) {
        Map<String, List<CaseRecord>> groups = new TreeMap<>();
        cases.forEach(c -> groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
        return groups.entrySet().stream().map(e -> row(e.getKey(), e.getValue(), today)).toList();
    }

    private static Row row(String group, List<CaseRecord> cases, LocalDate today) {
        int resolved = 0, within = 0, overdue = 0;
        for (CaseRecord c : cases) {
            CaseClock k = c.state().clock("resolve").orElse(null);
            if (k == null) continue;
            if (!k.running()) {
                resolved++;
                if (k.met()) within++;
            } else if (k.overdueOn(today)) {
                overdue++;
            }
        }
        return new Row(group, cases.size(), resolved, within, overdue);
    }

    static final String HEADER = "case_id,team,kind,stage,received_on,resolve_due,resolved_on,within_15_days,resolution_code,root_cause,parliamentary,constituency";

    public static String csv(List<CaseRecord> all) {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (CaseRecord c : all) {
            if (c.state().kind() == CaseKind.placeholder) continue; // nothing about a staff-conduct contact leaves the service
            CaseClock k = c.state().clock("resolve").orElse(null);
            Map<String, String> f = c.state().facts();
            List<String> cells = List.of(c.id().toString(), c.team(), c.state().kind().name(), c.state().stage(),
                    c.receivedOn().toString(), k == null ? "" : k.due().toString(),
                    k == null || k.stoppedAt() == null ? "" : k.stoppedAt().toString(),
                    k == null || k.running() ? "" : k.met() ? "yes" : "no",
                    nz(c.state().resolutionCode()), nz(f.get("root_cause")), f.getOrDefault("parliamentary", ""), nz(f.get("constituency")));
            b.append(String.join(",", cells.stream().map(Reports::cell).toList())).append("\r\n");
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Quotes what needs quoting; a leading =, +, -, @, tab or carriage return is defused, as in the calls export. */
    static String cell(String v) {
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.startsWith("'");
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
