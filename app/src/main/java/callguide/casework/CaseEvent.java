package callguide.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One thing that happened to a case: opened, moved or assigned; {@code detail} carries its data. */
public record CaseEvent(int version, Instant at, LocalDate on, String actor, String role, String type, String move,
                        Map<String, Object> detail) {

    /** A move's fields as given (none for other events), as {@code CaseService.move} writes them. */
    @SuppressWarnings("unchecked")
    public Map<String, String> fields() {
        return (Map<String, String>) detail.getOrDefault("fields", Map.of());
    }

    /** The codes of the letters a move issued (none for other events). */
    @SuppressWarnings("unchecked")
    public List<String> letters() {
        return (List<String>) detail.getOrDefault("letters", List.of());
    }
}
