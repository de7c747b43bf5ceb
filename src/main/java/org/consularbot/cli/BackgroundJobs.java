package org.consularbot.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.consularbot.conversation.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's periodic jobs, on two threads. Replies due again, officers' cards and relays, SLA alarms and token
 * refreshes share the relay's thread: they never run at the same time. A corpus reload has a thread of its own: when an
 * edit changes the examples or the questions, it trains the learned reading (about a minute on two cores), and on the
 * relay's thread that held an urgent ticket's card back from the officers for as long.
 */
final class BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    /** Which thread a job runs on. */
    enum Lane {
        /** Short jobs that carry messages: never to wait behind a slow one. */
        RELAY,
        /** Staff's FAQ edits, whose reload may take a minute. */
        CORPUS
    }

    private final ScheduledExecutorService relay =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("outbox-relay"));
    private final ScheduledExecutorService corpus =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("faq-edits"));

    /**
     * Runs {@code job} on its lane after {@code first}, then {@code every} after each run ends; a run that fails is
     * logged and does not stop the next.
     */
    void every(Lane lane, Duration first, Duration every, String name, Runnable job) {
        (lane == Lane.RELAY ? relay : corpus)
                .scheduleWithFixedDelay(
                        () -> {
                            try {
                                job.run();
                            } catch (RuntimeException e) {
                                log.warn("{}: {}", name, e.getMessage());
                            }
                        },
                        first.toMillis(),
                        every.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /**
     * Starts no more runs; a reload under way is abandoned (the next start loads the corpus anyway), a relay run is let
     * finish: a send in flight must be marked sent before the database closes, or it goes out again at the next start.
     */
    void shutdown() {
        relay.shutdown();
        corpus.shutdownNow();
    }

    /** Waits up to {@code within} for the relay's run under way, after {@link #shutdown()}. */
    void awaitRelay(Duration within) throws InterruptedException {
        relay.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
    }
}
