package callguide.flow;

public record Option(String id, String label) {}
