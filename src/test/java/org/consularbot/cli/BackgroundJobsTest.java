package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service's periodic jobs on real threads: a slow corpus reload never holds the relay's jobs back. */
class BackgroundJobsTest {

    private static final Duration OFTEN = Duration.ofMillis(10);

    private final BackgroundJobs jobs = new BackgroundJobs();
    private final CountDownLatch reloadMayEnd = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        reloadMayEnd.countDown();
        jobs.shutdown();
        jobs.awaitRelay(Duration.ofSeconds(5));
    }

    @Test
    // Regression (stop 28): the corpus watcher ran on the relay's thread, so an FAQ edit that retrained the reading
    // (about a minute) held officers' cards, relays and SLA alarms back for as long.
    void relayJobsRunWhileACorpusReloadIsUnderWay() throws InterruptedException {
        CountDownLatch reloading = new CountDownLatch(1);
        jobs.every(BackgroundJobs.Lane.CORPUS, Duration.ZERO, OFTEN, "FAQ edits", () -> {
            reloading.countDown();
            try {
                reloadMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(reloading.await(5, TimeUnit.SECONDS)).as("the reload began").isTrue();
        CountDownLatch relayed = new CountDownLatch(3);
        jobs.every(BackgroundJobs.Lane.RELAY, Duration.ZERO, OFTEN, "officers' relay", relayed::countDown);
        assertThat(relayed.await(5, TimeUnit.SECONDS))
                .as("the relay ran three times while the reload went on")
                .isTrue();
    }

    @Test
    void aFailingRunDoesNotStopTheNextOnes() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch again = new CountDownLatch(3);
        jobs.every(BackgroundJobs.Lane.RELAY, Duration.ZERO, OFTEN, "outbox relay", () -> {
            again.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database closed");
            }
        });
        assertThat(again.await(5, TimeUnit.SECONDS))
                .as("runs after the failing one")
                .isTrue();
    }
}
