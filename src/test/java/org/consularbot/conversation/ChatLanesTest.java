package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bounded lanes: a flooding chat gets no more work queued (its messages are stored; recovery answers them). */
class ChatLanesTest {

    private static final ConversationKey FLOODER = new ConversationKey("telegram", "1");
    private static final ConversationKey OTHER = new ConversationKey("telegram", "2");

    @Test
    void aChatWithTwentyMessagesWaitingGetsNoMoreQueuedWhileOthersStillDo() throws Exception {
        try (ChatLanes lanes = new ChatLanes(1, "test")) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            int admitted = 0;
            for (int i = 0; i < 30; i++) {
                if (lanes.submit(FLOODER, () -> {
                    await(release);
                    ran.incrementAndGet();
                })) {
                    admitted++;
                }
            }
            CountDownLatch other = new CountDownLatch(1);
            boolean otherAdmitted = lanes.submit(OTHER, other::countDown);

            assertThat(admitted).isEqualTo(ChatLanes.MAX_PER_CHAT);
            assertThat(otherAdmitted).isTrue();
            release.countDown();
            assertThat(other.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran.get()).isEqualTo(ChatLanes.MAX_PER_CHAT);
            assertThat(lanes.waiting(FLOODER)).as("counts go back to zero").isZero();
            assertThat(lanes.submit(FLOODER, () -> {}))
                    .as("the chat is served again")
                    .isTrue();
        }
    }

    @Test
    void workOfferedAfterClosingIsRefusedNotThrown() {
        ChatLanes lanes = new ChatLanes(2, "test");
        lanes.close(Duration.ofSeconds(1));

        assertThat(lanes.submit(OTHER, () -> {})).isFalse();
        assertThat(lanes.waiting(OTHER)).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
