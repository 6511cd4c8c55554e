package callguide.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One call in a list: who took it, when, where it stands and how long it took. */
public record CallRow(UUID id, String handler, String status, String outcome, List<String> flags, String flowVersion,
                      Instant startedAt, Instant completedAt, String currentQuestion, long seconds) {}
