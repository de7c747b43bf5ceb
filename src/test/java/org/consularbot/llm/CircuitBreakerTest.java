package org.consularbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.consularbot.ManualClock;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMinutes(1), clock);

    @Test
    void opensAfterThreeFailuresInARowAndASuccessResetsTheCount() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();

        breaker.failed();
        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void afterThePauseOnlyOneTrialGoesThroughUntilItReportsBack() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        clock.advance(Duration.ofMinutes(1));

        assertThat(breaker.allows()).as("the trial").isTrue();
        assertThat(breaker.allows()).as("others wait for it").isFalse();
        breaker.failed();
        assertThat(breaker.allows()).as("open again").isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(breaker.allows()).isTrue();
        breaker.succeeded();
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.allows()).isTrue();
    }
}
