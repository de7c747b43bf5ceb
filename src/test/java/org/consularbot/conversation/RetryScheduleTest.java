package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void backoffDoublesFromTwoSecondsAndStopsAtFiveMinutes() {
        assertThat(RetrySchedule.next(NOW, 1, Optional.empty())).isEqualTo(NOW.plusSeconds(2));
        assertThat(RetrySchedule.next(NOW, 2, Optional.empty())).isEqualTo(NOW.plusSeconds(4));
        assertThat(RetrySchedule.next(NOW, 8, Optional.empty())).isEqualTo(NOW.plusSeconds(256));
        assertThat(RetrySchedule.next(NOW, 9, Optional.empty())).isEqualTo(NOW.plusSeconds(300));
        assertThat(RetrySchedule.next(NOW, 1_000, Optional.empty())).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void aLongerWaitAskedByTheChannelWinsAndAShorterOneDoesNot() {
        assertThat(RetrySchedule.next(NOW, 1, Optional.of(Duration.ofSeconds(35))))
                .isEqualTo(NOW.plusSeconds(35));
        assertThat(RetrySchedule.next(NOW, 5, Optional.of(Duration.ofSeconds(1))))
                .isEqualTo(NOW.plusSeconds(32));
    }

    @Test
    void theLastOfTheAttemptsComesWithinHalfAnHourOfTheFirst() {
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < Outbox.MAX_ATTEMPTS; failed++) {
            total = total.plus(Duration.between(NOW, RetrySchedule.next(NOW, failed, Optional.empty())));
        }
        assertThat(total).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(30));
    }
}
