package callguide.resolution;

import java.util.List;

/** Step 47: on a case carrying {@code flag}, every closure raises an internal notice and needs these fields. */
public record ClosureNotice(String flag, List<Field> fields, String task, List<Citation> sources) {}
