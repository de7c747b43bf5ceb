package org.consularbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what turns queued in the outbox, through each channel's sender, and records what went out. Turns deliver
 * their own replies at once; the relay (a periodic job) and recovery send what is left, each reply claimed under
 * its conversation's lock so that nothing goes out twice from two places. A reply is delivered at least once and
 * never lost: only the window between the channel taking it and it being marked sent can repeat it.
 */
public final class ReplyDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);
    static final int BATCH = 500;
    /** How long the turn that queued a reply has it to itself: beyond any database restart it should ride out. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** "Whatever the backoff": later than any next attempt, and still a date every database stores. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private final Outbox outbox;
    private final ConversationStore store;
    private final ConversationLocks locks;
    private final Map<String, ReplySender> senders;
    private final Clock clock;
    /** Replies delivered while the database could not record it, with when: recorded by the relay when it is back. */
    private final Map<Long, Instant> sentNotRecorded = new ConcurrentHashMap<>();
    /**
     * Replies a channel held (a chat's pacing, Zalo's reply window), by conversation, with until when: a later reply
     * of the same conversation waits behind them, so one chat's replies still go out in order. In memory only: after
     * a restart the relay sends what is left in order anyway.
     */
    private final Map<ConversationKey, NavigableMap<Long, Instant>> heldReplies = new ConcurrentHashMap<>();

    private volatile TurnObserver observer = TurnObserver.NONE;

    /** @param senders the way out for each channel this process serves, by channel name */
    public ReplyDelivery(
            Outbox outbox,
            ConversationStore store,
            ConversationLocks locks,
            Map<String, ReplySender> senders,
            Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.locks = locks;
        this.senders = new ConcurrentHashMap<>(senders);
        this.clock = clock;
    }

    /**
     * Adds channels this process serves from now on (a command wires its channels once they are connected); replies
     * to them are then leased to this process and sent by it.
     */
    public void serve(Map<String, ReplySender> channels) {
        senders.putAll(channels);
    }

    /** Who is told about deliveries (metrics). */
    public void observe(TurnObserver observer) {
        this.observer = observer;
    }

    /**
     * Until when a reply queued now is this process's to send: replies it is about to send itself are leased to it
     * for a while, and a relay elsewhere takes them only if it died. Replies for a channel this process does not serve
     * (an officer console) are due at once.
     */
    Instant leaseFrom(ConversationKey key, Instant at) {
        return senders.containsKey(key.channel()) ? at.plus(LEASE) : at;
    }

    /** Sends queued replies in order; a failure is counted and left for {@link #sendDue()}. */
    int deliver(List<OutboxEntry> entries) {
        int delivered = 0;
        for (OutboxEntry entry : entries) {
            ReplySender sender = senders.get(entry.conversation().channel());
            if (sender == null) {
                log.debug(
                        "no sender for channel {} in this process; reply {} stays in the outbox for it",
                        entry.conversation().channel(),
                        entry.id());
                continue;
            }
            Optional<Instant> behind = heldBefore(entry);
            if (behind.isPresent()) {
                hold(entry, "waiting behind an earlier reply to this chat", behind.get());
                continue;
            }
            try {
                sender.send(entry);
            } catch (DeliveryException e) {
                if (e.held()) {
                    // Ordinary (a chat's pacing, a closed reply window): not worth a line per reply at info level.
                    log.debug("reply {} held by the channel: {}", entry.id(), e.getMessage());
                    hold(
                            entry,
                            e.getMessage(),
                            clock.instant().plus(e.retryAfter().orElse(Duration.ofHours(1))));
                    continue;
                }
                released(entry);
                log.warn(
                        "reply {} not delivered ({}): {}",
                        entry.id(),
                        e.permanent() ? "permanent" : "will retry",
                        e.getMessage());
                observer.replyDelivered(entry.conversation().channel(), false);
                outbox.markFailed(
                        entry.id(),
                        e.getMessage(),
                        e.permanent(),
                        RetrySchedule.next(clock.instant(), entry.attempts() + 1, e.retryAfter()));
                continue;
            } catch (RuntimeException e) {
                released(entry);
                log.warn("reply {} not delivered, will retry", entry.id(), e);
                outbox.markFailed(
                        entry.id(),
                        String.valueOf(e),
                        false,
                        RetrySchedule.next(clock.instant(), entry.attempts() + 1, Optional.empty()));
                continue;
            }
            released(entry);
            markSent(entry.id());
            observer.replyDelivered(entry.conversation().channel(), true);
            delivered++;
        }
        return delivered;
    }

    /** Until when the latest earlier reply of this entry's conversation is held, if one is. */
    private Optional<Instant> heldBefore(OutboxEntry entry) {
        NavigableMap<Long, Instant> held = heldReplies.get(entry.conversation());
        if (held == null) {
            return Optional.empty();
        }
        synchronized (held) {
            return held.headMap(entry.id(), false).values().stream().max(Comparator.naturalOrder());
        }
    }

    private void hold(OutboxEntry entry, String why, Instant until) {
        outbox.markHeld(entry.id(), why, until);
        NavigableMap<Long, Instant> held = heldReplies.computeIfAbsent(entry.conversation(), k -> new TreeMap<>());
        synchronized (held) {
            held.put(entry.id(), until);
        }
    }

    /** The reply went out or failed: later replies need not wait for it any more. */
    private void released(OutboxEntry entry) {
        heldReplies.computeIfPresent(entry.conversation(), (k, held) -> {
            synchronized (held) {
                held.remove(entry.id());
                return held.isEmpty() ? null : held;
            }
        });
    }

    /**
     * Sends replies left unsent whose next attempt is due (earlier failures, or a crash before sending). Safe to
     * run while turns are being answered, as the periodic relay does: each reply is claimed under its conversation's
     * lock, so one that its own turn has just sent is not sent twice. Returns how many went out.
     */
    public int sendDue() {
        recordDeliveredEarlier();
        return send(outbox.due(BATCH, clock.instant()), clock.instant());
    }

    /** As {@link #sendDue()}, for one conversation only: a terminal chat prints its own citizen's replies. */
    public int sendDueTo(ConversationKey key) {
        recordDeliveredEarlier();
        // Its own replies, read by conversation: a global batch could be full of other chats' replies.
        return store.find(key)
                .map(c -> send(outbox.unsent(c.id()), clock.instant()))
                .orElse(0);
    }

    /**
     * Every reply still unsent to this conversation, whatever its backoff: the citizen just wrote, so replies a
     * channel held (Zalo's reply window) can go now. Returns how many went out.
     */
    public int sendHeldTo(ConversationKey key) {
        return store.find(key).map(c -> send(outbox.unsent(c.id()), FAR_FUTURE)).orElse(0);
    }

    /** Everything left, due or not: a new process has no reason to wait out the last one's backoff. */
    int sendAllUnsent() {
        return send(outbox.unsent(BATCH), FAR_FUTURE);
    }

    /**
     * Records as sent the replies delivered while the database was away. The relay calls it before each round; a
     * process stopping calls it last, or those replies would go out again from another instance or the next start.
     *
     * @throws StoreException when the database is still away (the replies stay remembered)
     */
    public void recordDeliveredEarlier() {
        for (Map.Entry<Long, Instant> delivered : sentNotRecorded.entrySet()) {
            outbox.markSent(delivered.getKey(), delivered.getValue());
            sentNotRecorded.remove(delivered.getKey());
        }
    }

    /**
     * Records a delivered reply as sent. When the database cannot take it (restarting), the id is kept in memory
     * and recorded later, and the relay does not send that reply again meanwhile: a database blip must not make
     * citizens receive every in-flight answer twice.
     */
    private void markSent(long outboxId) {
        Instant deliveredAt = clock.instant();
        try {
            outbox.markSent(outboxId, deliveredAt);
        } catch (StoreException e) {
            log.warn(
                    "reply {} was delivered but could not be recorded as sent ({}); recording it later",
                    outboxId,
                    e.getMessage());
            sentNotRecorded.put(outboxId, deliveredAt);
        }
    }

    /**
     * Sends those of {@code batch} whose next attempt is due by {@code dueBy} (or by the moment each is claimed,
     * when that is later), each claimed first.
     */
    private int send(List<OutboxEntry> batch, Instant dueBy) {
        int sent = 0;
        for (OutboxEntry entry : batch) {
            if (!senders.containsKey(entry.conversation().channel())) {
                continue; // not claimed: the process that serves this channel sends it, without waiting out a lease
            }
            try (ConversationLocks.Held held = locks.lock(entry.conversation())) {
                // Claimed, not just checked: its own turn may have sent it meanwhile, or failed it with a retry_after,
                // and a relay elsewhere must not take it while this attempt runs.
                Instant now = clock.instant();
                if (!sentNotRecorded.containsKey(entry.id())
                        && outbox.claim(entry.id(), dueBy.isBefore(now) ? now : dueBy, now.plus(LEASE))) {
                    sent += deliver(List.of(entry));
                }
            }
        }
        return sent;
    }
}
