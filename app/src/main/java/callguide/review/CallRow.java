package callguide.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One call in a list: who took it, when, where it stands and how long it took. {@code outcomeTitle} is the outcome's
 * title as the handler saw it, read for a page of calls and not for the export (null there, and before an outcome).
 */
public record CallRow(UUID id, String handler, String status, String outcome, String outcomeTitle, List<String> flags,
                      String flowVersion, Instant startedAt, Instant completedAt, String currentQuestion, long seconds) {}
