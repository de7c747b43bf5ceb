package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Proof: two instances on one PostgreSQL answer a steady stream of citizens while the one polling Telegram is
 * killed with SIGKILL and started again, twice. Every message is answered: the survivor takes the poller over,
 * re-reads from Telegram what the dead one had not confirmed, and answers what it had stored but not answered.
 *
 * <p>Duplicates: a reply Telegram accepted a moment before the kill, not yet recorded as sent, goes out again
 * (Telegram's sendMessage has no idempotency key, so "at least once" is the only safe side: never lost). So
 * duplicates are bounded by the replies in flight at a kill (8 chat lanes and the relay) and counted.
 */
class KillOneOfTwoInstancesIT {

    private static final int IN_FLIGHT_PER_INSTANCE = 9;

    @Test
    void everyMessageIsAnsweredWhenTheLeadingInstanceIsKilledTwiceUnderLoad() throws Exception {
        try (TwoInstancesOnPostgres stage = TwoInstancesOnPostgres.start("kill", 2, Map.of())) {
            CitizenLoad load = new CitizenLoad(stage.telegram, TwoInstancesOnPostgres.TOKEN, 9_100_000);
            AtomicReference<BotProcess> killed = new AtomicReference<>();
            Runnable killLeader = () -> {
                BotProcess leader = stage.awaitLeader(Duration.ofSeconds(15));
                leader.kill();
                killed.set(leader);
            };
            Runnable restart = () -> killed.get().restart();
            int perSecond = 20;
            // Kill the leader at 10 s, start it again at 15 s; kill whichever leads then at 20 s, restart at 25 s.
            load.send(
                    30 * perSecond,
                    perSecond,
                    Map.of(
                            10 * perSecond,
                            killLeader,
                            15 * perSecond,
                            restart,
                            20 * perSecond,
                            killLeader,
                            25 * perSecond,
                            restart));

            // Up to 5 s for a follower to take the poller, 30 s before a dead instance's accepted messages count as
            // stale.
            CitizenLoad.Tally tally = load.awaitAnswers(Duration.ofSeconds(90), CitizenLoad.PAST_LEASES);
            ProofReport.record(
                    "kill", "kill -9 the polling instance twice (2 instances, 20 msg/s, 30 s)", tally.toString());

            assertThat(tally.lost()).as("messages never answered").isZero();
            assertThat(tally.duplicated())
                    .as("replies sent twice: at most those in flight at the two kills")
                    .isLessThanOrEqualTo(2 * IN_FLIGHT_PER_INSTANCE);
            assertThat(stage.instances)
                    .allSatisfy(instance -> assertThat(instance.alive()).isTrue());
        }
    }
}
