package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proof: PostgreSQL stops under two running instances in the middle of a steady stream of citizens (fast
 * shutdown: every session cut, as in a restart or a fail-over) and comes back six seconds later. Nothing is
 * lost: updates not stored are not confirmed to Telegram and come again; replies are retried from the outbox;
 * a reply delivered while the database could not record it is recorded later, not sent again. The service
 * resumes by itself: no instance is restarted.
 */
class PostgresRestartIT {

    @Test
    void everyMessageIsAnsweredOnceWhenPostgresRestartsUnderLoad() throws Exception {
        try (TwoInstancesOnPostgres stage = TwoInstancesOnPostgres.start("postgres-restart", 2, Map.of())) {
            CitizenLoad load = new CitizenLoad(stage.telegram, TwoInstancesOnPostgres.TOKEN, 9_200_000);
            int perSecond = 20;
            load.send(30 * perSecond, perSecond, Map.of(10 * perSecond, () -> {
                stage.postgres.stop();
                ProofReport.pause(Duration.ofSeconds(6));
                stage.postgres.startAgain();
            }));

            CitizenLoad.Tally tally = load.awaitAnswers(Duration.ofSeconds(90), Duration.ofSeconds(5));
            ProofReport.record("PostgreSQL stopped 6 s under load (2 instances, 20 msg/s, 30 s)", tally.toString());

            assertThat(tally.lost()).as("messages never answered").isZero();
            assertThat(tally.duplicated()).as("replies sent twice").isZero();
            assertThat(stage.instances).allSatisfy(instance -> {
                assertThat(instance.alive()).isTrue();
                assertThat(instance.status("/ready")).as("ready again").isEqualTo(200);
            });
        }
    }
}
