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

    /** Walked from the flow's start, since a move's id names different moves in different stages ("client_unreachable"). */
    static List<Row> of(ProcessFlow flow, List<CaseEvent> events) {
        List<Row> rows = new ArrayList<>();
        String stage = flow.start();
        for (CaseEvent e : events) {
            String on = e.on().toString();
            switch (e.type()) {
                case "opened" -> rows.add(new Row(on, e.actor(), "Case opened", null, List.of(), List.of()));
                case "assigned" -> rows.add(new Row(on, e.actor(), "Taken by " + e.detail().get("caseworker"), null, List.of(), List.of()));
                case "moved" -> {
                    Move move = find(flow, stage, e.move());
                    rows.add(moved(flow, move, e, on));
                    if (move != null) stage = move.to();
                }
                default -> rows.add(new Row(on, e.actor(), e.type(), e.move(), List.of(), List.of()));
            }
        }
        return rows;
    }

    /** The move as made from this stage; by its id anywhere if the flow has changed since. */
    private static Move find(ProcessFlow flow, String stage, String id) {
        var from = flow.stage(stage);
        if (from != null && from.moves().containsKey(id)) return from.moves().get(id);
        return flow.allMoves().stream().map(Map.Entry::getValue).filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    private static Row moved(ProcessFlow flow, Move move, CaseEvent e, String on) {
        List<Field> fields = new ArrayList<>(move == null ? List.of() : move.fields());
        if (flow.closureNotice() != null) fields.addAll(flow.closureNotice().fields());
        Map<String, String> given = e.fields();
        List<String> letters = e.letters();
        List<CasePages.Kept> recorded = new ArrayList<>();
        given.forEach((id, value) -> {
            Field f = fields.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            recorded.add(new CasePages.Kept(f == null ? id : f.label(), shown(f, value)));
        });
        return new Row(on, e.actor(), move == null ? e.move() : move.title(), e.move(), recorded, letters);
    }

    /** A choice in the case's terms: "CMG" reads "CMED" on a Northern Ireland case. */
    private static String shown(Field f, String value) {
        if (f == null || f.kind() != Field.Kind.choice) return value;
        int i = f.options().indexOf(value);
        return i < 0 ? value : f.optionLabels().get(i);
    }
}
