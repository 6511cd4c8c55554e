package callguide.resolution;

import callguide.flow.TestFlows;

/** The shipped resolution flow, as the tests use it. */
final class ResolutionFlows {
    private static ProcessFlow flow;

    private ResolutionFlows() {}

    static synchronized ProcessFlow shipped() {
        if (flow == null) flow = ProcessLoader.load("resolution.yaml", TestFlows.resource("/flows/resolution.yaml"));
        return flow;
    }
}
