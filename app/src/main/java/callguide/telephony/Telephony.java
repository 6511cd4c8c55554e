package callguide.telephony;

import callguide.call.CallDao;
import callguide.call.CallRefused;
import callguide.call.CallService;
import callguide.store.Events;
import callguide.web.ApiError;
import callguide.web.Body;
import callguide.web.PathId;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Twilio's webhooks and the telephony API, wired from the settings; owns the worker that runs slow work after a response. */
public final class Telephony implements AutoCloseable {
    private final ExecutorService afterResponse = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "telephony-after-response");
        t.setDaemon(true);
        return t;
    });
    private final CallService calls;
    private final ObjectMapper json;
    private final TelephonySettings settings;
    private final WebhookSignature signature;
    private final CallWebhooks callWebhooks;
    private final TranscriptionWebhook transcription;
    private final ConferenceWebhook conference;
    private final WarmTransfer warmTransfer;
    private final TranscriptDao transcripts;
    private final TranscriptFeed feed;
    private final StreamDao streams;
    private final PhoneCallDao phones;
    private final CallLog log;
    private final Clock clock;
    private final Events events;

    /**
     * With the streams' heartbeat and how many streams one sign-in, and everyone, may hold on this node. Screens
     * hear of new lines and transfer steps through {@code events}, whichever node the webhook reached.
     */
    public Telephony(TelephonySettings settings, CallService calls, CallDao callDao, Events events, ObjectMapper json, Clock clock,
                     Duration heartbeat, int streamsPerSignIn, int streamsTotal) {
        this.calls = calls;
        this.json = json;
        this.settings = settings;
        this.phones = new PhoneCallDao(callDao.jdbi());
        this.log = new CallLog(callDao, json);
        this.clock = clock;
        this.events = events;
        TransferDao transfers = new TransferDao(callDao.jdbi());
        Twiml twiml = new Twiml(settings);
        this.transcripts = new TranscriptDao(callDao.jdbi());
        this.warmTransfer = new WarmTransfer(calls, phones, transfers, log, PhoneLine.connect(settings), twiml, settings, afterResponse, clock);
        this.streams = new StreamDao(callDao.jdbi());
        this.feed = new TranscriptFeed(transcripts, streams, id -> warmTransfer.status(id).state(),
                new TranscriptFeed.Settings(heartbeat, streamsPerSignIn, streamsTotal));
        events.subscribe(TranscriptFeed.LINE, feed.lines());
        events.subscribe(TranscriptFeed.TRANSFER, feed.transfers());
        this.signature = new WebhookSignature(settings);
        this.callWebhooks = new CallWebhooks(calls, callDao, phones, transfers, log, twiml, settings, warmTransfer, clock);
        this.transcription = new TranscriptionWebhook(callDao, phones, transcripts, log, json, clock);
        this.conference = new ConferenceWebhook(phones, transfers, warmTransfer, log, afterResponse, clock);
    }

    public TelephonySettings settings() {
        return settings;
    }

    // Webhooks (signature checked by verify first).
    public void verify(Context ctx) { signature.verify(ctx); }
    public void voice(Context ctx) { callWebhooks.voice(ctx); }
    public void status(Context ctx) { callWebhooks.status(ctx); }
    public void dialEnded(Context ctx) { callWebhooks.dialEnded(ctx); }
    public void transcription(Context ctx) { transcription.handle(ctx); }
    public void conference(Context ctx) { conference.handle(ctx); }

    public void transcript(Context ctx) {
        UUID id = callId(ctx);
        calls.get(id);
        ctx.json(transcripts.lines(id));
    }

    /** Runs before the stream opens, so an unknown call gets a JSON 404 rather than an event stream. */
    public void requireCall(Context ctx) {
        calls.get(callId(ctx));
    }

    /** A place for a stream of another kind, within the same limits as the transcripts; run the result when it closes. */
    public Runnable reserveStream(Context ctx) {
        return feed.reserve(ctx);
    }

    /** The live transcript as server-sent events; {@code after} (or Last-Event-ID) resumes after the last line seen. */
    public void transcriptStream(Context ctx) {
        UUID id = callId(ctx);
        calls.get(id);
        feed.open(ctx, id, after(ctx));
    }

    /** The call's live transcript on a stream opened elsewhere (a CRT case linked to the call), resumed the same way. */
    public void transcriptStream(UUID callId, Context ctx) {
        calls.get(callId);
        feed.open(ctx, callId, after(ctx));
    }

    private static long after(Context ctx) {
        String v = ctx.queryParam("after");
        if (v == null || v.isBlank()) v = ctx.header("Last-Event-ID");
        if (v == null || v.isBlank()) return -1;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new callguide.web.ApiError(400, "invalid_field", "'after' must be the sequence number of a transcript line");
        }
    }

    /** Forgets streams left listed by a node that stopped without closing them; a background job, run by one node. */
    public void clearLapsedStreams() {
        streams.clearLapsed();
    }

    /** How often {@link #clearLapsedStreams} is worth running. */
    public static java.time.Duration clearStreamsEvery() {
        return StreamDao.LEASE;
    }

    /** Warm transfers gone silent fail, callers due back are brought back; a background job, run by one node. */
    public void sweepTransfers() {
        warmTransfer.sweep();
    }

    /** Transcript streams open now, over all calls. */
    public int openStreams() {
        return feed.open();
    }

    /** A handler takes a phone call still waiting on the line; 409 when it has ended or another handler was quicker. */
    public void takeCall(Context ctx) {
        UUID id = callId(ctx);
        String me = callguide.web.Security.who(ctx).account().username();
        callguide.call.Call call = calls.get(id);
        if (!call.handlerId().equals(me)) {
            if (call.status() != callguide.call.Call.Status.in_progress) throw new ApiError(409, "call_ended", "the call has already ended");
            if (!take(id, me)) throw new ApiError(409, "call_taken", "another handler has taken this call");
        }
        ctx.json(java.util.Map.of("id", id, "handler", me));
    }

    public void startTransfer(Context ctx) {
        UUID id = callId(ctx);
        String team = ctx.body().isBlank() ? null : Body.of(ctx, json).text("team", false, 40);
        ctx.json(TransferView.of(warmTransfer.start(id, team)));
    }

    public void completeTransfer(Context ctx) {
        ctx.json(TransferView.of(warmTransfer.complete(callId(ctx))));
    }

    public void showTransfer(Context ctx) {
        ctx.json(TransferView.of(warmTransfer.status(callId(ctx))));
    }

    // For the handler's and the supervisor's pages.
    public List<TranscriptLine> lines(UUID callId) {
        return transcripts.lines(callId);
    }

    public WarmTransfer warmTransfer() {
        return warmTransfer;
    }

    public List<WaitingCall> waiting() {
        return phones.waiting().stream().map(p -> new WaitingCall(p.callId(), calls.get(p.callId()).startedAt(),
                settings.mpHotlineNumber() != null && TelephonySettings.digits(settings.mpHotlineNumber())
                        .equals(TelephonySettings.digits(p.dialledNumber())))).toList();
    }

    /** Runs {@code changed} when the calls waiting may have changed, on any node (or after a gap in hearing of changes). */
    public void onWaitingChange(Runnable changed) {
        events.subscribe("waiting", new Events.Subscriber() {
            @Override
            public void heard(Events.Event event) {
                changed.run();
            }

            @Override
            public void missed() {
                changed.run();
            }
        });
    }

    /** The handler takes a phone call on their screen; false when another handler took it first. */
    public boolean take(UUID callId, String handler) {
        return phones.jdbi().inTransaction(h -> {
            boolean taken = phones.take(h, callId, handler, clock.instant());
            if (taken) log.record(h, callId, clock.instant(), "phone_call_taken", CallLog.detail("handler", handler));
            return taken;
        });
    }

    private static UUID callId(Context ctx) {
        return PathId.of(ctx, id -> new CallRefused(CallRefused.Reason.unknown_call, "no call " + id));
    }

    @Override
    public void close() throws InterruptedException {
        feed.close();
        afterResponse.shutdown();
        afterResponse.awaitTermination(5, TimeUnit.SECONDS);
    }

}
