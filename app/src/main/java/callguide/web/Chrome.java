package callguide.web;

import callguide.account.Account;
import callguide.account.Role;

/**
 * What every page's frame needs: who is signed in, the form token, when an idle sign-in ends, and the
 * page's path (so the service navigation can mark where the person is).
 */
public record Chrome(Account account, String csrf, long idleSeconds, String path) {
    public Chrome(Account account, String csrf, long idleSeconds) {
        this(account, csrf, idleSeconds, null);
    }

    public static Chrome signedOut(String csrf) {
        return new Chrome(null, csrf, 0, null);
    }

    public boolean signedIn() {
        return account != null;
    }

    /** Works the Complaints Resolution Team's cases. */
    public boolean crt() {
        return account != null && account.role().resolution();
    }

    /** The approvals inbox is the CRT team leader's alone. */
    public boolean approves() {
        return account != null && account.role() == Role.resolution_team_leader;
    }

    public boolean reviews() {
        return account != null && account.role().reviews();
    }

    Chrome at(String path) {
        return new Chrome(account, csrf, idleSeconds, path);
    }

    /** "page" on the item's own page, "true" within its section, null elsewhere: the value of aria-current. */
    public String current(String item) {
        if (path == null) return null;
        if (path.equals(item)) return "page";
        boolean within = switch (item) {
            case "/" -> path.startsWith("/calls");
            case "/review" -> path.startsWith("/review/calls");
            default -> false;
        };
        return within ? "true" : null;
    }
}
