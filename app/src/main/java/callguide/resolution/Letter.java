package callguide.resolution;

import java.util.List;
import java.util.Map;

/** A letter the letters system issues; {@code choices} are the paragraph choices 002 gives, by sub heading. */
public record Letter(String code, String title, String purpose, String freeText,
                     Map<String, Map<String, String>> choices, List<String> with) {}
