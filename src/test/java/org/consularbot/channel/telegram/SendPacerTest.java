package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consularbot.ManualClock;
import org.junit.jupiter.api.Test;

/** Pacing on a clock that moves only when the pacer sleeps: no test waits for real time. */
class SendPacerTest {

    private final FakeTime time = new FakeTime();

    @Test
    void twoMessagesToOneChatAreAtLeastTheIntervalApart() throws Exception {
        SendPacer pacer = new SendPacer(30, Duration.ofSeconds(1), time, time);

        assertThat(pacer.awaitTurn("42")).isZero();
        assertThat(pacer.awaitTurn("42")).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.awaitTurn("42")).isEqualTo(Duration.ofSeconds(1));
        assertThat(time.instant()).isEqualTo(FakeTime.START.plusSeconds(2));
    }

    @Test
    void differentChatsShareTheGlobalRateOnly() throws Exception {
        SendPacer pacer = new SendPacer(10, Duration.ofSeconds(1), time, time);

        for (int chat = 0; chat < 30; chat++) {
            pacer.awaitTurn("chat" + chat);
        }

        // 30 messages at 10 per second: the last goes 2.9 s after the first, not 29 s.
        assertThat(time.instant()).isEqualTo(FakeTime.START.plusMillis(2900));
    }

    @Test
    void aChatQuietForLongerThanTheIntervalIsNotDelayed() throws Exception {
        SendPacer pacer = new SendPacer(30, Duration.ofSeconds(1), time, time);
        pacer.awaitTurn("42");
        time.advance(Duration.ofSeconds(5));

        assertThat(pacer.awaitTurn("42")).isZero();
    }

    @Test
    void aChatKeepsItsIntervalEvenWhenTheGlobalBacklogIsLongerThanIt() throws Exception {
        SendPacer pacer = new SendPacer(1, Duration.ofMillis(500), time, time);
        for (int chat = 0; chat < 5; chat++) {
            pacer.awaitTurn("other" + chat);
        }
        // Five seconds of backlog: chat 42's slots must still be at least 500 ms apart (and 1 s by the global rate).
        pacer.awaitTurn("42");
        Instant first = time.instant();
        pacer.awaitTurn("42");

        assertThat(Duration.between(first, time.instant())).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void chatsWhoseSlotHasPassedAreForgotten() throws Exception {
        SendPacer pacer = new SendPacer(1000, Duration.ofSeconds(1), time, time);
        for (int chat = 0; chat < 100; chat++) {
            pacer.awaitTurn("chat" + chat);
        }
        assertThat(pacer.tracked()).isEqualTo(100);

        time.advance(Duration.ofSeconds(30));
        pacer.awaitTurn("late");

        assertThat(pacer.tracked()).isEqualTo(1);
    }

    /** A clock that moves only when the pacer sleeps, remembering each sleep. */
    static final class FakeTime extends ManualClock implements SendPacer.Sleeper {
        static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        FakeTime() {
            super(START);
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            advance(duration);
        }
    }
}
