package callguide.account;

/** What a person may do: handlers take calls; supervisors and team leaders also review everyone's. */
public enum Role {
    handler("Call handler"), supervisor("Supervisor"), team_leader("Team leader");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean reviews() {
        return this != handler;
    }

    public static Role fromId(String id) {
        for (Role r : values()) if (r.name().equals(id)) return r;
        throw new IllegalArgumentException("role must be handler, supervisor or team_leader, not '" + id + "'");
    }
}
