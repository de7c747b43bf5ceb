package org.consularbot.web;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.consularbot.conversation.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates for open console pages, by Server-Sent Events. One thread looks at the database twice a second (only
 * while a page is open) and tells each page what changed: {@code queue} when the open tickets did, {@code ticket}
 * when the conversation the page shows did, {@code alerts} when the officers' outbox got a card, notice or alarm;
 * the page then fetches that part again. A conversation is watched by a cheap version (its highest ids), never read
 * whole here: only a page told it changed reads it. Reading the database rather than
 * this process's events means a change made through another instance, the Telegram group or the terminal shows too.
 * A page whose session ended (signed out, idle) is told {@code signed-out} and let go.
 */
final class ConsoleFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleFeed.class);

    /** Under the site's 5 s idle timeout, so an open page's connection is never cut for silence. */
    private static final Duration PING_EVERY = Duration.ofSeconds(2);

    private static final Duration SESSIONS_EVERY = Duration.ofSeconds(10);

    /**
     * An open page: its connection, its session's token hash, and the conversation of the ticket it shows (0 for the
     * queue).
     */
    private record Watcher(SseClient client, String tokenHash, long conversation) {}

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final Supplier<String> queueState;
    private final LongFunction<String> conversationVersion;
    private final LongSupplier alertsState;
    private final Predicate<String> alive;
    private final ScheduledExecutorService thread;
    private String lastQueue = "";
    private long lastAlerts = -1;
    private final Map<Long, String> lastConversations = new HashMap<>();
    private long ticks;
    private final AtomicBoolean nudged = new AtomicBoolean();

    /**
     * @param queueState          a fingerprint of the open tickets (changes when any changes)
     * @param conversationVersion a conversation's version: changes whenever its transcript does
     * @param alertsState         the latest card, notice or alarm's id in the officers' outbox
     * @param alive               whether a session (by token hash) is still signed in, not counting as activity
     */
    ConsoleFeed(
            Supplier<String> queueState,
            LongFunction<String> conversationVersion,
            LongSupplier alertsState,
            Predicate<String> alive,
            Duration every) {
        this.queueState = queueState;
        this.conversationVersion = conversationVersion;
        this.alertsState = alertsState;
        this.alive = alive;
        this.thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("console-feed"));
        thread.scheduleWithFixedDelay(this::safeTick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        long pings = PING_EVERY.toMillis();
        thread.scheduleWithFixedDelay(this::ping, pings, pings, TimeUnit.MILLISECONDS);
    }

    /** @param conversation the conversation the page shows, 0 for the queue page */
    void watch(SseClient client, String tokenHash, long conversation) {
        Watcher watcher = new Watcher(client, tokenHash, conversation);
        client.onClose(() -> watchers.remove(watcher));
        client.keepAlive();
        watchers.add(watcher);
        client.sendEvent("hello", "live");
    }

    /**
     * Looks now rather than at the next tick: a turn of this process may have changed a ticket. Coalesced, on the
     * feed's one thread: a burst of turns costs one look.
     */
    void nudge() {
        if (!watchers.isEmpty() && nudged.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    nudged.set(false);
                    safeTick();
                });
            } catch (RejectedExecutionException e) {
                nudged.set(false); // closed
            }
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("console live updates: {}", e.getMessage());
        }
    }

    private void tick() {
        if (watchers.isEmpty()) {
            return;
        }
        ticks++;
        String queue = queueState.get();
        boolean queueChanged = !queue.equals(lastQueue);
        lastQueue = queue;
        long alerts = alertsState.getAsLong();
        boolean alertsChanged = alerts != lastAlerts;
        lastAlerts = alerts;
        Map<Long, String> now = new HashMap<>();
        for (Watcher watcher : watchers) {
            if (watcher.conversation() > 0) {
                now.computeIfAbsent(watcher.conversation(), conversationVersion::apply);
            }
        }
        boolean checkSessions = ticks % Math.max(1, SESSIONS_EVERY.toMillis() / 500) == 0;
        for (Watcher watcher : watchers) {
            if (checkSessions && !alive.test(watcher.tokenHash())) {
                send(watcher, "signed-out");
                watcher.client().close();
                watchers.remove(watcher);
                continue;
            }
            if (queueChanged) {
                send(watcher, "queue");
            }
            if (alertsChanged && watcher.conversation() == 0) {
                send(watcher, "alerts");
            }
            if (watcher.conversation() > 0
                    && !now.get(watcher.conversation()).equals(lastConversations.get(watcher.conversation()))) {
                send(watcher, "ticket");
            }
        }
        lastConversations.keySet().retainAll(now.keySet());
        lastConversations.putAll(now);
    }

    private void ping() {
        for (Watcher watcher : watchers) {
            try {
                watcher.client().sendComment("ping");
            } catch (RuntimeException e) {
                watchers.remove(watcher);
            }
        }
    }

    private void send(Watcher watcher, String event) {
        try {
            watcher.client().sendEvent(event, event);
        } catch (RuntimeException e) {
            watchers.remove(watcher);
        }
    }

    int watching() {
        return watchers.size();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        watchers.forEach(w -> w.client().close());
        watchers.clear();
    }
}
