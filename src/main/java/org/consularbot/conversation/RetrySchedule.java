package org.consularbot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed reply again: what the channel asked for (Telegram's 429 {@code retry_after}), and at
 * least an exponential backoff (2 s, 4 s, 8 s … capped at 5 minutes), so a channel outage is not hammered and
 * a reply still goes out once it is over.
 */
public final class RetrySchedule {

    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration LONGEST = Duration.ofMinutes(5);

    private RetrySchedule() {}

    /**
     * @param failedAttempts attempts made so far, this one included (1 after the first failure)
     * @param channelAsked   the wait the channel asked for, if it did
     */
    public static Instant next(Instant now, int failedAttempts, Optional<Duration> channelAsked) {
        Duration doubled = FIRST.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
        Duration backoff = doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
        Duration wait =
                channelAsked.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
        return now.plus(wait);
    }
}
