package callguide.flow;

import java.util.List;

/** A question as the handler sees it, with the region's terms filled in. */
public record Step(String question, String kind, String prompt, String help, List<Option> options,
                   boolean optional, String emptyLabel, List<Source> sources) {}
