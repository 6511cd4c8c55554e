package callguide.web;

import callguide.account.Account;

/** What every page's frame needs: who is signed in, the form token, and when an idle sign-in ends. */
public record Chrome(Account account, String csrf, long idleSeconds) {
    public static Chrome signedOut(String csrf) {
        return new Chrome(null, csrf, 0);
    }

    public boolean signedIn() {
        return account != null;
    }

    /** Works the Complaints Resolution Team's cases. */
    public boolean crt() {
        return account != null && account.role().resolution();
    }

    public boolean reviews() {
        return account != null && account.role().reviews();
    }
}
