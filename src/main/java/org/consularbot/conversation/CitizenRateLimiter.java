package org.consularbot.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Limits how many messages per minute one citizen gets answered (a token bucket per citizen), so a flood or a
 * script cannot drown the bot or the officers. Over the limit the citizen is told once, politely; the
 * messages are still stored. In memory and per instance: a limit, not an accounting.
 */
public final class CitizenRateLimiter {

    /** What to do with one message. */
    public enum Verdict {
        ALLOWED,
        LIMITED_NOTIFY,
        LIMITED_QUIET
    }

    private final double capacity;
    private final double refillPerMilli;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    /** @param perMinute messages a citizen may send in a burst, refilled over a minute; 0 disables the limit */
    public CitizenRateLimiter(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must be >= 0");
        }
        this.capacity = perMinute;
        this.refillPerMilli = perMinute / 60_000.0;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterAccess(Duration.ofMinutes(2))
                .maximumSize(200_000)
                .build();
    }

    public Verdict check(String citizen) {
        if (capacity == 0) {
            return Verdict.ALLOWED;
        }
        Bucket bucket = buckets.get(citizen, k -> new Bucket(capacity, clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMilli);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                bucket.notified = false;
                return Verdict.ALLOWED;
            }
            if (bucket.notified) {
                return Verdict.LIMITED_QUIET;
            }
            bucket.notified = true;
            return Verdict.LIMITED_NOTIFY;
        }
    }

    private static final class Bucket {
        double tokens;
        long at;
        boolean notified;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
