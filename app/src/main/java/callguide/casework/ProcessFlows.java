package callguide.casework;

import callguide.call.FlowCatalog;
import callguide.resolution.ProcessFlow;
import callguide.resolution.ProcessLoader;
import java.nio.file.Path;
import java.util.Map;

/** The resolution flow from the flows folder (or the jar), read and validated at start-up. */
public final class ProcessFlows {
    public static final String RESOLUTION = "resolution";

    private ProcessFlows() {}

    /** From the folder; a folder with intake flows only (an older FLOWS_DIR) gets the one built into the jar. */
    public static ProcessFlow resolution(Path dir) {
        ProcessFlow found = find(dir);
        if (found == null && dir != null) found = find(null);
        if (found == null) throw new IllegalStateException("no process flow with id resolution in " + (dir == null ? "the jar" : dir));
        return found;
    }

    private static ProcessFlow find(Path dir) {
        for (Map.Entry<String, String> file : FlowCatalog.files(dir).entrySet()) {
            if (!ProcessLoader.KIND.equals(ProcessLoader.kind(file.getValue()))) continue;
            ProcessFlow flow = ProcessLoader.load(file.getKey(), file.getValue());
            if (flow.id().equals(RESOLUTION)) return flow;
        }
        return null;
    }
}
