package org.consularbot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the officers' group within Telegram's limit of messages a minute to one group, with room kept for emergencies:
 * ordinary messages (relays, notices, ordinary cards) may use about three quarters of the limit, urgent ones (urgent
 * cards, alarms) all of it, so an urgent card always finds a free slot within the minute however many citizens write.
 * A citizen's relays are also gathered: after one goes, that ticket's next ones wait {@code relayGap} and then go
 * together as one message, so one citizen's flood costs a message every few seconds, not one a line. When Telegram
 * says to wait ({@code retry_after}), nothing goes until then.
 *
 * <p>Before it, the officers' outbox went strictly oldest first at Telegram's pace: with 20 messages a minute
 * enforced by a stub, one citizen's 60 lines held another citizen's URGENT card back 184 s.
 */
final class GroupPacing {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Relays to one ticket that did not go after this long are forgotten (memory stays flat). */
    private static final Duration FORGET_RELAYS = Duration.ofMinutes(10);

    private final int perMinute;
    private final int ordinaryPerMinute;
    private final Duration relayGap;
    private final Clock clock;
    /** When each message of the last minute went, oldest first (own posts and answers to officers alike). */
    private final ArrayDeque<Instant> posted = new ArrayDeque<>();
    /** When each ticket's last relay went. */
    private final Map<Long, Instant> lastRelay = new HashMap<>();

    private Instant blockedUntil = Instant.MIN;

    /**
     * @param perMinute the group's limit ({@code TELEGRAM_GROUP_MESSAGES_PER_MINUTE}, Telegram: 20), at least 2
     * @param relayGap  how long a ticket's relays gather after one went
     */
    GroupPacing(int perMinute, Duration relayGap, Clock clock) {
        if (perMinute < 2) {
            throw new IllegalArgumentException("perMinute must be at least 2, not " + perMinute);
        }
        this.perMinute = perMinute;
        this.ordinaryPerMinute = perMinute - Math.max(1, perMinute / 4);
        this.relayGap = relayGap;
        this.clock = clock;
    }

    /** Whether a message may go now: an urgent one while the minute's limit is not reached, others within their share. */
    synchronized boolean mayPost(boolean urgent) {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            return false;
        }
        forgetBefore(now.minus(WINDOW));
        return posted.size() < (urgent ? perMinute : ordinaryPerMinute);
    }

    /** Whether a relay to this ticket may go: none went for {@link #relayGap}. */
    synchronized boolean relayDue(long ticket) {
        Instant last = lastRelay.get(ticket);
        return last == null || !clock.instant().isBefore(last.plus(relayGap));
    }

    /** A message went to the group. */
    synchronized void posted() {
        posted.addLast(clock.instant());
    }

    /** A batch of relays to this ticket went to the group. */
    synchronized void relayed(long ticket) {
        posted();
        Instant now = clock.instant();
        lastRelay.put(ticket, now);
        if (lastRelay.size() > 1_000) {
            lastRelay.values().removeIf(at -> at.isBefore(now.minus(FORGET_RELAYS)));
        }
    }

    /** Telegram answered 429: nothing goes before {@code retryAfter} has passed. */
    synchronized void refused(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    /** Messages counted in the last minute (for tests). */
    synchronized int inLastMinute() {
        forgetBefore(clock.instant().minus(WINDOW));
        return posted.size();
    }

    private void forgetBefore(Instant start) {
        while (!posted.isEmpty() && !posted.peekFirst().isAfter(start)) {
            posted.removeFirst();
        }
    }
}
