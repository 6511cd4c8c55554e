package callguide.casework;

import callguide.resolution.Field;
import callguide.resolution.Move;
import callguide.resolution.ProcessFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A case's events as the CRT reads them: each move by its title, with what was recorded under the fields' labels. */
public final class CaseHistory {
    /** {@code move}: the move's id, kept for searching and support; null for an event that is not a move. */
    public record Row(String on, String actor, String what, String move, List<CasePages.Kept> recorded, List<String> letters) {}

    private CaseHistory() {}

    static List<Row> of(ProcessFlow flow, List<CaseEvent> events) {
        return events.stream().map(e -> row(flow, e)).toList();
    }

    private static Row row(ProcessFlow flow, CaseEvent e) {
        String on = e.on().toString();
        return switch (e.type()) {
            case "opened" -> new Row(on, e.actor(), "Case opened", null, List.of(), List.of());
            case "assigned" -> new Row(on, e.actor(), "Taken by " + e.detail().get("caseworker"), null, List.of(), List.of());
            case "moved" -> moved(flow, e, on);
            default -> new Row(on, e.actor(), e.type(), e.move(), List.of(), List.of());
        };
    }

    private static Row moved(ProcessFlow flow, CaseEvent e, String on) {
        Move move = flow.allMoves().stream().map(Map.Entry::getValue).filter(m -> m.id().equals(e.move())).findFirst().orElse(null);
        List<Field> fields = new ArrayList<>(move == null ? List.of() : move.fields());
        if (flow.closureNotice() != null) fields.addAll(flow.closureNotice().fields());
        List<CasePages.Kept> recorded = new ArrayList<>();
        if (e.detail().get("fields") instanceof Map<?, ?> given) {
            given.forEach((id, value) -> {
                Field f = fields.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
                recorded.add(new CasePages.Kept(f == null ? String.valueOf(id) : f.label(), shown(f, String.valueOf(value))));
            });
        }
        List<String> letters = e.detail().get("letters") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new Row(on, e.actor(), move == null ? e.move() : move.title(), e.move(), recorded, letters);
    }

    /** A choice in the case's terms: "CMG" reads "CMED" on a Northern Ireland case. */
    private static String shown(Field f, String value) {
        if (f == null || f.kind() != Field.Kind.choice) return value;
        int i = f.options().indexOf(value);
        return i < 0 ? value : f.optionLabels().get(i);
    }
}
