package callguide.account;

/**
 * What a person may do: handlers take calls; supervisors and team leaders also review everyone's; the
 * Complaints Resolution Team's caseworkers and team leaders work its cases, and see no calls but theirs.
 */
public enum Role {
    handler("Call handler"), supervisor("Supervisor"), team_leader("Team leader"),
    resolution_caseworker("CRT caseworker"), resolution_team_leader("CRT team leader");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean reviews() {
        return this == supervisor || this == team_leader;
    }

    /** Works the Complaints Resolution Team's cases. */
    public boolean resolution() {
        return this == resolution_caseworker || this == resolution_team_leader;
    }

    public static Role fromId(String id) {
        for (Role r : values()) if (r.name().equals(id)) return r;
        throw new IllegalArgumentException("role must be handler, supervisor, team_leader, resolution_caseworker or resolution_team_leader, not '" + id + "'");
    }
}
