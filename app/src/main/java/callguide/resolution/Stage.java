package callguide.resolution;

import java.util.List;
import java.util.Map;

/** Where a case is. {@code closes}: the complaint is closed here. {@code waiting}: on the client or on BAU. */
public record Stage(String id, String title, boolean closes, String waiting, List<Citation> sources, Map<String, Move> moves) {}
