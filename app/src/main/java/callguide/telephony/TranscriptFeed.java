package callguide.telephony;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The handler screens listening to each call's transcript (server-sent events), and what is sent to them. */
final class TranscriptFeed {
    private final Map<UUID, Set<SseClient>> listeners = new ConcurrentHashMap<>();
    private final TranscriptDao transcripts;

    TranscriptFeed(TranscriptDao transcripts) {
        this.transcripts = transcripts;
    }

    /** Sends what has been said so far, then each new line as it arrives, until the screen goes away. */
    void subscribe(UUID callId, SseClient client) {
        client.keepAlive();
        Set<SseClient> set = listeners.computeIfAbsent(callId, k -> ConcurrentHashMap.newKeySet());
        set.add(client);
        client.onClose(() -> listeners.computeIfPresent(callId, (k, v) -> {
            v.remove(client);
            return v.isEmpty() ? null : v;
        }));
        transcripts.lines(callId).forEach(line -> client.sendEvent("line", line, String.valueOf(line.sequence())));
    }

    /** Lines carry their sequence so a screen places a late one where it belongs. */
    void publish(UUID callId, TranscriptLine line) {
        Set<SseClient> set = listeners.get(callId);
        if (set == null) return;
        set.forEach(c -> {
            if (c.terminated()) set.remove(c);
            else c.sendEvent("line", line, String.valueOf(line.sequence()));
        });
    }
}
