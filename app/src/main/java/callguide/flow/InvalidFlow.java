package callguide.flow;

import java.util.List;
import java.util.stream.Collectors;

public final class InvalidFlow extends RuntimeException {
    private final List<FlowProblem> problems;

    public InvalidFlow(List<FlowProblem> problems) {
        super(problems.stream().map(FlowProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<FlowProblem> problems() {
        return problems;
    }
}
