package callguide.web;

import io.javalin.http.Context;
import java.util.List;

/** The client's address: the peer's, or behind a trusted load balancer the last hop it names in X-Forwarded-For. */
public final class ClientAddress {
    private final List<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) return peer;
        // The balancer appends the address it saw; anything before that is the client's own say-so.
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() || last.length() > 64 || last.chars().anyMatch(Character::isISOControl) ? peer : last;
    }
}
