package callguide.assist;

import callguide.flow.Source;
import java.util.List;

/**
 * A piece of procedure text and where it comes from: a procedure document's heading and step, or a node
 * of a flow together with the procedure sources that node cites.
 */
public record Passage(String text, Citation citation, List<Source> sources) {

    /**
     * Document (file name), the heading it sits under, the numbered step where there is one, its kind, and
     * the document's name for people to read in place of the file name.
     */
    public record Citation(String document, String heading, Integer step, String kind, String name) {
        public static final String FLOW = "flow";
        public static final String PROCEDURE = "procedure";

        public Citation {
            if (name == null || name.isBlank()) name = document;
        }

        /** The same place in a document now known by {@code name}. */
        public Citation named(String name) {
            return new Citation(document, heading, step, kind, name);
        }

        /** As a chat model is shown it, and may repeat it: by the document's name, never only its file name. */
        @Override
        public String toString() {
            return name + ", \"" + heading + "\"" + (step == null ? "" : ", step " + step);
        }
    }
}
