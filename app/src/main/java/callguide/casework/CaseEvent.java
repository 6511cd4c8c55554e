package callguide.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** One thing that happened to a case: opened, moved or assigned; {@code detail} carries its data. */
public record CaseEvent(int version, Instant at, LocalDate on, String actor, String role, String type, String move,
                        Map<String, Object> detail) {}
