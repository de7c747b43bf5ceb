package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationLocks;
import org.junit.jupiter.api.Test;

/** Conversation locks across two "instances" (two pools, two lock objects) on one real PostgreSQL. */
class PostgresConversationLocksTest {

    private static final ConversationKey CHAT = new ConversationKey("telegram", "42");

    @Test
    void aConversationLockedByOneInstanceWaitsInTheOtherUntilReleased() throws Exception {
        String url = TestDatabases.postgresUrl();
        try (Database first = Database.open(DatabaseSettings.of(url));
                Database second = Database.open(DatabaseSettings.of(url))) {
            PostgresConversationLocks a = new PostgresConversationLocks(first.dataSource());
            PostgresConversationLocks b = new PostgresConversationLocks(second.dataSource());
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                ConversationLocks.Held held = a.lock(CHAT);
                CountDownLatch tried = new CountDownLatch(1);
                Future<?> waiting = other.submit(() -> {
                    tried.countDown();
                    try (ConversationLocks.Held inB = b.lock(CHAT)) {
                        return null;
                    }
                });
                tried.await();
                try {
                    waiting.get(500, TimeUnit.MILLISECONDS);
                    throw new AssertionError("the second instance got the lock while the first held it");
                } catch (TimeoutException expected) {
                    // still waiting, as it must
                }
                try (ConversationLocks.Held other2 = b.lock(new ConversationKey("telegram", "43"))) {
                    assertThat(other2).as("another conversation is not blocked").isNotNull();
                }
                held.close();
                waiting.get(5, TimeUnit.SECONDS);
            } finally {
                other.shutdownNow();
            }
        }
    }

    @Test
    void aThreadTakingTheSameLockTwiceDoesNotWaitForItself() throws Exception {
        String url = TestDatabases.postgresUrl();
        try (Database db = Database.open(DatabaseSettings.of(url))) {
            PostgresConversationLocks locks = new PostgresConversationLocks(db.dataSource());
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Boolean> nested = thread.submit(() -> {
                    try (ConversationLocks.Held outer = locks.lock(CHAT);
                            ConversationLocks.Held inner = locks.lock(CHAT)) {
                        return true;
                    }
                });
                assertThat(nested.get(5, TimeUnit.SECONDS)).isTrue();
                try (ConversationLocks.Held again = locks.lock(CHAT)) {
                    assertThat(again).as("released after the nested use").isNotNull();
                }
            } finally {
                thread.shutdownNow();
            }
        }
    }
}
