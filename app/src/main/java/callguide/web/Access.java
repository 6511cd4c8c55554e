package callguide.web;

import java.util.stream.Stream;
import java.util.Collection;
import callguide.account.Role;
import io.javalin.security.RouteRole;

/**
 * Who may use a route, named on every route in the table. A route that names none is refused at start-up;
 * a route acting on the call in its path also names how that call must relate to the person.
 */
public enum Access implements RouteRole {
    /** No sign-in: the health check, assets and signing in. */
    ANYONE,
    /** Twilio, proved by the request's signature. */
    TWILIO,
    HANDLER,
    SUPERVISOR,
    TEAM_LEADER,
    /** The Complaints Resolution Team: its caseworkers and team leaders work its cases and see no calls. */
    CRT_CASEWORKER,
    CRT_TEAM_LEADER,
    /** The call in the path must be the handler's own; reviewers may read it, and each read is logged. */
    OWN_CALL,
    /** As OWN_CALL, and any handler may also try a phone call (to take it, or be told another handler did). */
    WAITING_CALL;

    /** Supervisors and team leaders: they read every call and change none. */
    static final Access[] REVIEWERS = {SUPERVISOR, TEAM_LEADER};

    static Access of(Role role) {
        return switch (role) {
            case handler -> HANDLER;
            case supervisor -> SUPERVISOR;
            case team_leader -> TEAM_LEADER;
            case resolution_caseworker -> CRT_CASEWORKER;
            case resolution_team_leader -> CRT_TEAM_LEADER;
        };
    }

    /** The roles among these that are ours (a route may name Javalin's own too). */
    public static Stream<Access> among(Collection<? extends RouteRole> roles) {
        return roles.stream().filter(Access.class::isInstance).map(Access.class::cast);
    }

    public boolean isPerson() {
        return this == HANDLER || this == SUPERVISOR || this == TEAM_LEADER || this == CRT_CASEWORKER || this == CRT_TEAM_LEADER;
    }

    public boolean isCallScope() {
        return this == OWN_CALL || this == WAITING_CALL;
    }
}
