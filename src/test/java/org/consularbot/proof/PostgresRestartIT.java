package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proof: PostgreSQL stops under two running instances in the middle of a steady stream of citizens (fast
 * shutdown: every session cut, advisory locks with them, as in a restart or a fail-over) and comes back six
 * seconds later. To make the hard case certain rather than lucky, Telegram is slow just then: replies are in
 * flight when the database goes, so they are delivered while it cannot record them. Nothing is lost: updates not
 * stored are not confirmed to Telegram and come again; replies are retried from the outbox; and nothing is sent
 * twice: a reply delivered but not recorded is recorded from memory once the database is back, and its lease
 * keeps the other instance's relay off it meanwhile. No instance is restarted.
 */
class PostgresRestartIT {

    @Test
    void everyMessageIsAnsweredOnceWhenPostgresRestartsUnderLoad() throws Exception {
        try (TwoInstancesOnPostgres stage = TwoInstancesOnPostgres.start("postgres-restart", 2, Map.of())) {
            CitizenLoad load = new CitizenLoad(stage.telegram, TwoInstancesOnPostgres.TOKEN, 9_200_000);
            int perSecond = 20;
            load.send(30 * perSecond, perSecond, Map.of(10 * perSecond, () -> {
                stage.telegram.delayNext("sendMessage", 2_000, 10);
                ProofReport.pause(Duration.ofMillis(800)); // replies now wait on Telegram, their turns committed
                stage.postgres.stop();
                ProofReport.pause(Duration.ofSeconds(6));
                stage.postgres.startAgain();
            }));

            CitizenLoad.Tally tally = load.awaitAnswers(Duration.ofSeconds(90), CitizenLoad.PAST_LEASES);
            long unrecorded = stage.instances.stream()
                    .mapToLong(i -> i.logCount("could not be recorded as sent"))
                    .sum();
            ProofReport.record(
                    "postgres-restart",
                    "PostgreSQL stopped 6 s under load, Telegram slow meanwhile (2 instances, 20 msg/s, 30 s)",
                    tally + ", replies delivered while the database could not record them " + unrecorded);

            assertThat(tally.lost()).as("messages never answered").isZero();
            assertThat(tally.duplicated()).as("replies sent twice").isZero();
            assertThat(unrecorded)
                    .as("the hard case happened: replies delivered while the database was down")
                    .isPositive();
            assertThat(stage.instances).allSatisfy(instance -> {
                assertThat(instance.alive()).isTrue();
                assertThat(instance.status("/ready")).as("ready again").isEqualTo(200);
            });
        }
    }
}
