package callguide.flow;

/** One thing wrong with a flow file, naming the file and the node it is in. */
public record FlowProblem(String file, String node, String message) {
    @Override
    public String toString() {
        return file + (node == null ? "" : " [" + node + "]") + ": " + message;
    }
}
