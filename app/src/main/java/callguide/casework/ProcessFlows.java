package callguide.casework;

import callguide.call.FlowCatalog;
import callguide.flow.Terms;
import callguide.resolution.ProcessFlow;
import callguide.resolution.ProcessLoader;
import java.nio.file.Path;
import java.util.Map;

/** The resolution flow from the flows folder (or the jar), read and validated at start-up. */
public final class ProcessFlows {
    public static final String RESOLUTION = "resolution";

    private ProcessFlows() {}

    /** In Great Britain's terms. */
    public static ProcessFlow resolution(Path dir) {
        return resolution(dir, false);
    }

    /**
     * From the folder, in one region's terms (a team's cases read "MP or MLA" and "CMED" in Northern Ireland); a
     * folder with intake flows only (an older FLOWS_DIR) gets the one built into the jar.
     */
    public static ProcessFlow resolution(Path dir, boolean northernIreland) {
        ProcessFlow found = find(dir, northernIreland);
        if (found == null && dir != null) found = find(null, northernIreland);
        if (found == null) throw new IllegalStateException("no process flow with id resolution in " + (dir == null ? "the jar" : dir));
        return found;
    }

    private static ProcessFlow find(Path dir, boolean northernIreland) {
        for (Map.Entry<String, String> file : FlowCatalog.files(dir).entrySet()) {
            if (!ProcessLoader.KIND.equals(ProcessLoader.kind(file.getValue()))) continue;
            ProcessFlow flow = ProcessLoader.load(file.getKey(), file.getValue(), Terms.regional(northernIreland));
            if (flow.id().equals(RESOLUTION)) return flow;
        }
        return null;
    }
}
