package org.consularbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.consularbot.ManualClock;
import org.consularbot.config.WebConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /health} and {@code /ready} on a real server, answered from a {@link HealthProbe} over a database that
 * answers, fails or hangs: the routes never wait for the database, and say how old the result they give is.
 */
class HealthProbeTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Long enough that a run is still waiting on a hung check while the test asks /health. */
    private static final HealthProbe.Schedule PATIENT =
            new HealthProbe.Schedule(Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(2));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final DatabaseDouble database = new DatabaseDouble();
    private HealthProbe probe;
    private WebServer server;

    /** The database as the probe sees it: answers whether it works, or hangs until released. */
    private static final class DatabaseDouble {
        private final AtomicInteger asked = new AtomicInteger();
        /** A permit per question: the test waits on it for a check to have begun. */
        private final Semaphore questions = new Semaphore(0);

        private volatile boolean works = true;
        private volatile CountDownLatch released = new CountDownLatch(0);

        boolean works() {
            asked.incrementAndGet();
            questions.release();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return works;
        }

        void hang() {
            released = new CountDownLatch(1);
        }

        void release(boolean working) {
            works = working;
            released.countDown();
        }
    }

    private void serve(HealthProbe.Schedule schedule) {
        serve(new HealthProbe("database", "closed", database::works, schedule, clock));
    }

    private void serve(HealthProbe served) {
        probe = served;
        server = WebServer.start(
                new WebConfig("127.0.0.1", 0),
                List.of(),
                () -> "metrics",
                () -> probe.last().health(),
                () -> probe.last().health());
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        if (probe != null) {
            probe.close();
        }
    }

    /** The site's /health: status and body. */
    private String health() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    // Regression (issue 18): on a full disk /health said only "database gave no answer" (H2 in mixed mode hangs on
    // its lock file), and an operator looked for a crash instead of freeing room.
    void aFailedCheckSaysWhatMayExplainItAndOnlyThen() throws Exception {
        AtomicInteger explained = new AtomicInteger();
        serve(new HealthProbe(
                "database",
                "closed",
                database::works,
                () -> {
                    explained.incrementAndGet();
                    return Optional.of("disk nearly full (0.2 MB free)");
                },
                PATIENT,
                clock));
        probe.check();
        assertThat(health()).isEqualTo("200 ok (database checked 0 s ago)");
        assertThat(explained).as("a passing check is not explained").hasValue(0);
        database.release(false);
        probe.check();
        assertThat(health()).isEqualTo("503 database closed; disk nearly full (0.2 MB free) (checked 0 s ago)");
        database.release(true);
        probe.check();
        assertThat(health()).isEqualTo("200 ok (database checked 0 s ago)");
    }

    @Test
    // Regression (issue 17): /health asked the database itself, so one that could not open again held every health
    // request for 10 s (the pool's connection timeout, twice) before it answered 503.
    void whileTheProbeWaitsOnAHungDatabaseHealthAnswersFromTheLastResult() throws Exception {
        serve(PATIENT);
        probe.check();
        assertThat(health()).isEqualTo("200 ok (database checked 0 s ago)");
        database.release(false);
        clock.advance(Duration.ofSeconds(2));
        probe.check();
        assertThat(health()).isEqualTo("503 database closed (checked 0 s ago)");

        database.hang();
        Thread run = new Thread(probe::check);
        run.start();
        assertThat(database.questions.tryAcquire(3, 10, TimeUnit.SECONDS))
                .as("the probe asked")
                .isTrue();
        clock.advance(Duration.ofSeconds(3));
        assertThat(health()).as("the last result, with its age").isEqualTo("503 database closed (checked 3 s ago)");
        assertThat(run.isAlive()).as("the probe still waits on the database").isTrue();
        assertThat(database.asked).as("/health asked the database nothing").hasValue(3);

        database.release(true);
        run.join();
        assertThat(health()).as("recovered").isEqualTo("200 ok (database checked 0 s ago)");
    }

    @Test
    void aCheckThatGivesNoAnswerWithinTheTimeoutFailsAndIsWaitedForRatherThanStartedAgain() throws Exception {
        serve(new HealthProbe.Schedule(Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofSeconds(15)));
        probe.check();
        database.hang();
        probe.check(); // waits 50 ms, then records that the database gave no answer
        assertThat(health()).isEqualTo("503 database gave no answer within 50 ms (checked 0 s ago)");
        probe.check();
        assertThat(database.asked)
                .as("the hung check is not started a second time")
                .hasValue(2);

        database.release(true);
        probe.check();
        assertThat(health()).isEqualTo("200 ok (database checked 0 s ago)");
        assertThat(database.asked).hasValue(2);
    }

    @Test
    void aResultOlderThanTheLimitCountsAsFailedEvenIfItPassed() throws Exception {
        serve(PATIENT);
        probe.check();
        clock.advance(Duration.ofMinutes(2));
        assertThat(health()).isEqualTo("200 ok (database checked 120 s ago)");
        clock.advance(Duration.ofSeconds(1));
        assertThat(health()).isEqualTo("503 database result older than 120 s (checked 121 s ago)");
        probe.check();
        assertThat(health()).isEqualTo("200 ok (database checked 0 s ago)");
    }

    @Test
    void beforeItsFirstCheckTheProbeFailsAndStartChecksBeforeReturning() throws Exception {
        serve(PATIENT);
        assertThat(health()).isEqualTo("503 database not checked yet (checked 0 s ago)");
        probe.start();
        assertThat(health()).isEqualTo("200 ok (database checked 0 s ago)");
    }

    @Test
    void startedTheProbeChecksAgainOnItsSchedule() throws Exception {
        serve(new HealthProbe.Schedule(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(15)));
        probe.start();
        assertThat(database.questions.tryAcquire(4, 10, TimeUnit.SECONDS))
                .as("the first check and three on the schedule")
                .isTrue();
    }

    @Test
    void aScheduleThatWouldCallItsOwnWorkingResultsStaleIsRefused() {
        assertThatThrownBy(() ->
                        new HealthProbe.Schedule(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every + timeout");
    }
}
