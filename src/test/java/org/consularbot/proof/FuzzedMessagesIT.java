package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proof: 10,000 fuzzed updates ({@link FuzzedUpdates}), each from a citizen of its own, through one running
 * instance polling the Telegram emulator. The instance does not crash, every citizen gets an answer, and
 * Telegram refuses none of the bot's messages (the emulator checks their HTML the way Telegram does).
 */
class FuzzedMessagesIT {

    private static final int MESSAGES = 10_000;

    @Test
    void tenThousandFuzzedMessagesAreAllAnsweredWithoutACrash() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        // Telegram's pacing is someone else's proof: here the limits are lifted to push 10,000 turns through.
        try (TwoInstancesOnPostgres stage = TwoInstancesOnPostgres.start(
                "fuzz", 1, Map.of("TELEGRAM_MAX_SENDS_PER_SECOND", "1000", "TELEGRAM_CHAT_SEND_INTERVAL_MS", "0"))) {
            FuzzedUpdates fuzz = new FuzzedUpdates(seed);
            CitizenLoad load = new CitizenLoad(stage.telegram, TwoInstancesOnPostgres.TOKEN, 9_400_000);
            long started = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                load.inject(fuzz::next);
            }

            CitizenLoad.Tally tally = load.awaitAnswers(Duration.ofMinutes(5), Duration.ZERO);
            double seconds = (System.nanoTime() - started) / 1e9;
            BotProcess instance = stage.instances.get(0);
            ProofReport.record(
                    "fuzz",
                    "10,000 fuzzed updates, seed " + seed + " (1 instance)",
                    "sent " + tally.sent()
                            + ", answered " + tally.answered() + ", lost " + tally.lost() + ", bot messages "
                            + (tally.answered() + tally.duplicated()) + ", refused by Telegram " + tally.refused()
                            + ", instance alive " + instance.alive() + String.format(Locale.ROOT, ", %.0f s", seconds));

            assertThat(instance.alive()).as("the instance survived").isTrue();
            assertThat(instance.status("/health")).isEqualTo(200);
            assertThat(tally.lost())
                    .as("citizens not answered (replay with -Dfuzz.seed=" + seed + ")")
                    .isZero();
            assertThat(tally.refused())
                    .as("messages Telegram refused (bad HTML, too long)")
                    .isZero();
        }
    }
}
