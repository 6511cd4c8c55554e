package callguide.assist;

import callguide.flow.Source;
import java.util.List;

/**
 * A piece of procedure text and where it comes from: a procedure document's heading and step, or a node
 * of a flow together with the procedure sources that node cites.
 */
public record Passage(String text, Citation citation, List<Source> sources) {

    /** Document (file name), the heading it sits under, the numbered step where there is one, and its kind. */
    public record Citation(String document, String heading, Integer step, String kind) {
        public static final String FLOW = "flow";
        public static final String PROCEDURE = "procedure";

        @Override
        public String toString() {
            return document + ", \"" + heading + "\"" + (step == null ? "" : ", step " + step);
        }
    }
}
