package org.consularbot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps sends within Telegram's limits before Telegram has to say 429: at most {@code perSecond} messages a second
 * over all chats, and at least {@code chatInterval} between two messages to one chat. Each send reserves the
 * next free slot and waits for it, so concurrent senders queue fairly instead of bursting.
 */
final class SendPacer {

    /** Waits; injected so tests need not. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration globalSpacing;
    private final Duration chatInterval;
    /** When each recently written chat may get its next message; slots in the past are swept, so memory stays flat. */
    private final Map<String, Instant> nextForChat = new HashMap<>();

    private Instant nextGlobal = Instant.MIN;
    private Instant nextSweep = Instant.MIN;

    SendPacer(int perSecond, Duration chatInterval, Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.globalSpacing = Duration.ofNanos(1_000_000_000L / perSecond);
        this.chatInterval = chatInterval;
    }

    /** Waits until a message may go to {@code chatId}; returns the wait. */
    Duration awaitTurn(String chatId) throws InterruptedException {
        Instant slot = reserve(chatId);
        Duration wait = Duration.between(clock.instant(), slot);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
            return wait;
        }
        return Duration.ZERO;
    }

    /**
     * How long this chat must wait before its next message, when that is more than {@code tolerance}: such a reply
     * is held in the outbox until then rather than slept on (one chat's pacing would hold up every other chat on its
     * lane). Reserves nothing; empty when the chat may be written to within the tolerance.
     */
    synchronized Optional<Duration> holdFor(String chatId, Duration tolerance) {
        Instant chatFree = nextForChat.get(chatId);
        if (chatFree == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), chatFree);
        return wait.compareTo(tolerance) > 0 ? Optional.of(wait) : Optional.empty();
    }

    /** Chats whose next slot is still ahead (for tests: the map must not grow with every chat ever written to). */
    synchronized int tracked() {
        return nextForChat.size();
    }

    private synchronized Instant reserve(String chatId) {
        Instant now = clock.instant();
        Instant slot = now;
        if (nextGlobal.isAfter(slot)) {
            slot = nextGlobal;
        }
        if (now.isAfter(nextSweep)) {
            nextForChat.values().removeIf(free -> !free.isAfter(now));
            nextSweep = now.plusSeconds(10);
        }
        Instant chatFree = nextForChat.get(chatId);
        if (chatFree != null && chatFree.isAfter(slot)) {
            slot = chatFree;
        }
        nextGlobal = slot.plus(globalSpacing);
        nextForChat.put(chatId, slot.plus(chatInterval));
        return slot;
    }
}
