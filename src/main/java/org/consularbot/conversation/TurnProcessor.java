package org.consularbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turn: lock the conversation, store the message (a redelivery is recognised), decide, commit the new state
 * with the replies in the outbox, send, mark sent. Each step is durable before the next, so a crash anywhere
 * leaves either an unanswered message or an unsent reply, and {@link #recover()} finishes the job on start-up:
 * one reply per message. Only the window between the channel taking a reply and it being marked sent can
 * repeat a reply (at least once, never lost).
 */
public final class TurnProcessor {

    private static final Logger log = LoggerFactory.getLogger(TurnProcessor.class);
    private static final int MAX_CONCURRENT_RETRIES = 3;
    private static final int RECOVERY_BATCH = 500;
    /** How long the turn that queued a reply has it to itself: beyond any database restart it should ride out. */
    static final Duration DELIVERY_LEASE = Duration.ofSeconds(30);
    /** "Whatever the backoff": later than any next attempt, and still a date every database stores. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private final ConversationStore store;
    private final Outbox outbox;
    private final ConversationLocks locks;
    private final Dialogue dialogue;
    private final Map<String, ReplySender> senders;
    private final Clock clock;
    /** Replies delivered while the database could not record it, with when: recorded by the relay when it is back. */
    private final Map<Long, Instant> sentNotRecorded = new ConcurrentHashMap<>();
    private volatile TurnObserver observer = TurnObserver.NONE;

    /** @param senders the way out for each channel, by channel name */
    public TurnProcessor(ConversationStore store, Outbox outbox, ConversationLocks locks, Dialogue dialogue,
            Map<String, ReplySender> senders, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.locks = locks;
        this.dialogue = dialogue;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
    }

    /** Who is told about turns and deliveries (metrics). */
    public void observe(TurnObserver observer) {
        this.observer = observer;
    }

    /**
     * Handles one message from a channel: stores it and answers it, under the conversation's lock.
     *
     * @throws StoreException when the message could not be stored: the channel must not acknowledge it
     */
    public TurnResult handle(InboundMessage message) {
        try (ConversationLocks.Held held = locks.lock(message.conversation())) {
            StoredInbound stored = store.recordInbound(message);
            if (stored.handled()) {
                return duplicate(stored);
            }
            return answer(stored);
        }
    }

    /**
     * The first half of {@link #handle}, for channels that must acknowledge fast (a webhook answers within
     * seconds; a poller should not wait for replies to be paced out): stores the message, deduplicated. Once
     * this returns the channel may acknowledge; {@link #answerStored} answers it later, and if the process stops
     * first, {@link #recover()} does.
     *
     * @throws StoreException when the message could not be stored: the channel must not acknowledge it
     */
    public StoredInbound accept(InboundMessage message) {
        // No conversation lock: storing is idempotent (unique constraints), and waiting here behind a turn of the
        // same chat that is pacing out its replies would hold up receiving for every chat.
        return store.recordInbound(message);
    }

    /** The second half of {@link #handle}: answers a message {@link #accept accepted} earlier, unless already answered. */
    public TurnResult answerStored(StoredInbound stored) {
        if (stored.handled()) {
            return duplicate(stored);
        }
        try (ConversationLocks.Held held = locks.lock(stored.message().conversation())) {
            // Read it again under the lock: a redelivery accepted meanwhile may have been answered first.
            StoredInbound now = store.inbound(stored.id()).orElseThrow(() -> new StoreException("message " + stored.id() + " vanished", null));
            if (now.handled()) {
                return duplicate(now);
            }
            return answer(now);
        }
    }

    private static TurnResult duplicate(StoredInbound stored) {
        return new TurnResult(stored.id(), stored.conversation().id(), true, TurnOutcome.of(TurnOutcome.Kind.DUPLICATE), List.of());
    }

    private TurnResult answer(StoredInbound stored) {
        long started = System.nanoTime();
        TurnResult result = decideCommitAndSend(stored);
        observer.turnAnswered(stored.message().conversation().channel(), result.outcome(), System.nanoTime() - started);
        return result;
    }

    private TurnResult decideCommitAndSend(StoredInbound stored) {
        Conversation conversation = stored.conversation();
        for (int attempt = 1; ; attempt++) {
            Decision decision;
            try {
                decision = dialogue.decide(conversation, stored.message(), stored.id());
            } catch (RuntimeException e) {
                log.error("could not decide a reply to message {}; sending the no-answer reply with the hotline", stored.id(), e);
                decision = dialogue.failSafe(conversation, stored.message(), stored.id());
            }
            List<OutboxEntry> queued;
            try {
                queued = store.commitTurn(decision.record(), relaysFrom(conversation.key(), clock.instant()));
            } catch (ConcurrentTurnException e) {
                if (attempt >= MAX_CONCURRENT_RETRIES) {
                    throw e;
                }
                conversation = store.conversation(conversation.id()).orElseThrow(() -> e);
                continue;
            }
            // The citizen's replies first (the hotline must not wait), then the officers are called.
            deliver(queued);
            for (Runnable call : decision.afterCommit()) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    log.warn("call to officers failed for conversation {}", conversation.id(), e);
                }
            }
            return new TurnResult(stored.id(), conversation.id(), false, decision.record().outcome(), queued);
        }
    }

    /**
     * Replies this process is about to send itself are leased to it for a while; a relay elsewhere takes them
     * only if it died. Replies for a channel this process does not serve (an officer console) are due at once.
     */
    private Instant relaysFrom(ConversationKey key, Instant at) {
        return senders.containsKey(key.channel()) ? at.plus(DELIVERY_LEASE) : at;
    }

    /** Sends queued replies in order; a failure is counted and left for {@link #resendUnsent()}. */
    private int deliver(List<OutboxEntry> entries) {
        int delivered = 0;
        for (OutboxEntry entry : entries) {
            ReplySender sender = senders.get(entry.conversation().channel());
            if (sender == null) {
                log.debug("no sender for channel {} in this process; reply {} stays in the outbox for it", entry.conversation().channel(), entry.id());
                continue;
            }
            try {
                sender.send(entry);
            } catch (DeliveryException e) {
                if (e.held()) {
                    log.info("reply {} held by the channel: {}", entry.id(), e.getMessage());
                    outbox.markHeld(entry.id(), e.getMessage(), clock.instant().plus(e.retryAfter().orElse(Duration.ofHours(1))));
                    continue;
                }
                log.warn("reply {} not delivered ({}): {}", entry.id(), e.permanent() ? "permanent" : "will retry", e.getMessage());
                observer.replyDelivered(entry.conversation().channel(), false);
                outbox.markFailed(entry.id(), e.getMessage(), e.permanent(),
                        RetrySchedule.next(clock.instant(), entry.attempts() + 1, e.retryAfter()));
                continue;
            } catch (RuntimeException e) {
                log.warn("reply {} not delivered, will retry", entry.id(), e);
                outbox.markFailed(entry.id(), String.valueOf(e), false,
                        RetrySchedule.next(clock.instant(), entry.attempts() + 1, Optional.empty()));
                continue;
            }
            markSent(entry.id());
            observer.replyDelivered(entry.conversation().channel(), true);
            delivered++;
        }
        return delivered;
    }

    /**
     * Sends replies left unsent whose next attempt is due (earlier failures, or a crash before sending). Safe to
     * run while turns are being answered, as a periodic relay does: each reply is checked again under its
     * conversation's lock, so one that its own turn has just sent is not sent twice. Returns how many went out.
     */
    public int resendUnsent() {
        recordDeliveredEarlier();
        return resend(outbox.due(RECOVERY_BATCH, clock.instant()), false);
    }

    /**
     * Every reply still unsent to this conversation, whatever its backoff: the citizen just wrote, so replies a
     * channel held (Zalo's reply window) can go now. Returns how many went out.
     */
    public int resendHeldTo(ConversationKey key) {
        return store.find(key).map(c -> resend(outbox.unsent(c.id()), true)).orElse(0);
    }

    /** Runs {@code work} under the conversation's lock, so no turn of it runs meanwhile (deleting it on withdrawal). */
    public void underLock(ConversationKey key, Runnable work) {
        try (ConversationLocks.Held held = locks.lock(key)) {
            work.run();
        }
    }

    /** As {@link #resendUnsent()}, for one conversation only: a terminal chat prints its own citizen's replies. */
    public int resendUnsentTo(ConversationKey key) {
        recordDeliveredEarlier();
        return resend(outbox.due(RECOVERY_BATCH, clock.instant()).stream().filter(e -> e.conversation().equals(key)).toList(), false);
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
            log.warn("reply {} was delivered but could not be recorded as sent ({}); recording it later", outboxId, e.getMessage());
            sentNotRecorded.put(outboxId, deliveredAt);
        }
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

    private int resend(List<OutboxEntry> batch, boolean evenIfNotDue) {
        int sent = 0;
        for (OutboxEntry entry : batch) {
            if (!senders.containsKey(entry.conversation().channel())) {
                continue; // not claimed: the process that serves this channel sends it, without waiting out a lease
            }
            try (ConversationLocks.Held held = locks.lock(entry.conversation())) {
                // Claimed, not just checked: its own turn may have sent it meanwhile, or failed it with a retry_after,
                // and a relay elsewhere must not take it while this attempt runs.
                Instant now = clock.instant();
                if (!sentNotRecorded.containsKey(entry.id()) && outbox.claim(entry.id(), evenIfNotDue ? FAR_FUTURE : now, now.plus(DELIVERY_LEASE))) {
                    sent += deliver(List.of(entry));
                }
            }
        }
        return sent;
    }

    /**
     * Start-up recovery: first the replies already decided but not sent (whatever their backoff), then the
     * messages stored but never answered, oldest first.
     */
    public RecoveryReport recover() {
        // Everything left, due or not: a new process has no reason to wait out the last one's backoff.
        int resent = resend(outbox.unsent(RECOVERY_BATCH), true);
        int answered = 0;
        // Only what was waiting when this process started: what live instances accept meanwhile is theirs, or the
        // loop would chase a busy instance's queue and this one would never start.
        Instant started = clock.instant();
        int answeredInBatch;
        do {
            answeredInBatch = 0;
            for (StoredInbound stored : store.unanswered(RECOVERY_BATCH)) {
                // Another instance may be answering it right now: answerStored checks again under the lock.
                if (!stored.message().receivedAt().isAfter(started) && !answerStored(stored).duplicate()) {
                    answeredInBatch++;
                }
            }
            answered += answeredInBatch;
        } while (answeredInBatch > 0);
        if (resent + answered > 0) {
            log.info("recovery: {} unsent replies sent, {} unanswered messages answered", resent, answered);
        }
        return new RecoveryReport(resent, answered);
    }

    /**
     * Answers messages stored at least {@code olderThan} ago and still unanswered: their answer failed after the
     * channel acknowledged them (a database blip, a bug). A running service calls this periodically, so such a
     * citizen is answered now rather than at the next restart. Returns how many were answered.
     */
    public int answerStale(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        int answered = 0;
        for (StoredInbound stored : store.unanswered(RECOVERY_BATCH)) {
            if (stored.message().receivedAt().isBefore(cutoff) && !answerStored(stored).duplicate()) {
                answered++;
            }
        }
        return answered;
    }

    /**
     * A turn started by an officer rather than a citizen: moves the conversation by {@code trigger} (if given and
     * allowed from where it stands), logs it, and sends the replies to the citizen through the outbox, under the
     * conversation's lock like any turn.
     *
     * @return false when the conversation is unknown or the move is not allowed from its state (nothing changed)
     */
    public boolean officerTurn(ConversationKey key, Optional<Trigger> trigger, List<Reply> replies, String detail) {
        try (ConversationLocks.Held held = locks.lock(key)) {
            for (int attempt = 1; ; attempt++) {
                Optional<Conversation> found = store.find(key);
                if (found.isEmpty()) {
                    return false;
                }
                Conversation c = found.get();
                Instant now = clock.instant();
                ConversationState next = c.state();
                List<ConversationEvent> events = new ArrayList<>();
                if (trigger.isPresent()) {
                    Optional<ConversationState> moved = Transitions.next(c.state(), trigger.get());
                    if (moved.isEmpty()) {
                        return false;
                    }
                    next = moved.get();
                    events.add(ConversationEvent.stateChanged(now, Actor.OFFICER, c.state(), next, trigger.get()));
                }
                events.add(ConversationEvent.of(now, Actor.OFFICER, ConversationEvent.Type.ESCALATION, detail));
                TurnRecord record = new TurnRecord(c.id(), c.version(), 0, TurnOutcome.of(TurnOutcome.Kind.OFFICER), next, c.preferredLanguage(), c.lastLanguage(),
                        next == ConversationState.AWAITING_CHOICE ? c.pendingChoices() : List.of(), 0, events, replies, Optional.empty(), now);
                try {
                    deliver(store.commitTurn(record, relaysFrom(key, now)));
                    return true;
                } catch (ConcurrentTurnException e) {
                    if (attempt >= MAX_CONCURRENT_RETRIES) {
                        throw e;
                    }
                }
            }
        }
    }

    /** What start-up recovery did. */
    public record RecoveryReport(int repliesResent, int messagesAnswered) {
    }
}
