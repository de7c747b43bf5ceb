package org.consularbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consularbot.ManualClock;
import org.junit.jupiter.api.Test;

/** A flood of forged webhook calls leaves one line a minute in the log, not one per call. */
class RefusedCallsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final List<String> log = new ArrayList<>();
    private final RefusedCalls refused = new RefusedCalls("Zalo", clock, Duration.ofMinutes(1), log::add);

    @Test
    void theFirstRefusalIsReportedAtOnceAndAFloodOnceAMinuteWithItsCounts() {
        refused.refused("wrong signature");
        assertThat(log).containsExactly("Zalo webhook: 1 call refused {wrong signature=1}");

        for (int i = 0; i < 10_000; i++) {
            refused.refused(i % 2 == 0 ? "wrong signature" : "no signature");
            clock.advance(Duration.ofMillis(5));
        }
        // 50 s of calls: nothing more yet.
        assertThat(log).hasSize(1);

        clock.advance(Duration.ofSeconds(11));
        refused.refused("not JSON");
        assertThat(log).hasSize(2);
        assertThat(log.get(1))
                .isEqualTo("Zalo webhook: 10001 calls refused since 2026-12-06T10:00:00Z"
                        + " {no signature=5000, not JSON=1, wrong signature=5000}");
    }
}
