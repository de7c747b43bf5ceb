package org.consularbot.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Refused webhook calls, reported at most once per period: anyone can post to a public webhook, and a warning per
 * forged or malformed call let unauthenticated requests flood the log. The first refusal is reported at once (an
 * operator who set a wrong secret sees it); later ones are counted by reason and reported with the next refusal
 * after the period.
 */
public final class RefusedCalls {

    private final String channel;
    private final Clock clock;
    private final Duration period;
    private final Consumer<String> warn;
    private final Map<String, Long> counts = new TreeMap<>();
    private Instant reported;

    public RefusedCalls(String channel, Clock clock, Duration period, Consumer<String> warn) {
        this.channel = channel;
        this.clock = clock;
        this.period = period;
        this.warn = warn;
    }

    /** Counts one refused call; {@code why} is a short reason without the caller's data ("wrong secret"). */
    public synchronized void refused(String why) {
        counts.merge(why, 1L, Long::sum);
        Instant now = clock.instant();
        if (reported != null && now.isBefore(reported.plus(period))) {
            return;
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        warn.accept(channel + " webhook: " + total + (total == 1 ? " call" : " calls") + " refused"
                + (reported == null ? "" : " since " + reported) + " " + counts);
        counts.clear();
        reported = now;
    }
}
