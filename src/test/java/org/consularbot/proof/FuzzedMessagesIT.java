package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proof: 10,000 fuzzed updates ({@link FuzzedUpdates}), each from a citizen of its own, through one running
 * instance polling the Telegram emulator. The instance does not crash, every citizen gets an answer, and
 * Telegram refuses none of the bot's messages (the emulator checks their HTML the way Telegram does).
 */
class FuzzedMessagesIT {

    private static final int MESSAGES = 10_000;
    private static final long FIRST_CITIZEN = 9_400_000;

    @Test
    void tenThousandFuzzedMessagesAreAllAnsweredWithoutACrash() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        // Telegram's pacing is someone else's proof: here the limits are lifted to push 10,000 turns through.
        try (TwoInstancesOnPostgres stage = TwoInstancesOnPostgres.start("fuzz", 1, Map.of(
                "TELEGRAM_MAX_SENDS_PER_SECOND", "1000", "TELEGRAM_CHAT_SEND_INTERVAL_MS", "0"))) {
            FuzzedUpdates fuzz = new FuzzedUpdates(seed);
            long started = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                stage.telegram.inject(TwoInstancesOnPostgres.TOKEN, fuzz.next(FIRST_CITIZEN + i));
            }

            Map<Long, Integer> replies = Map.of();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                replies = repliesPerCitizen(stage.telegram.calls("sendMessage"));
                if (replies.size() == MESSAGES) {
                    break;
                }
                ProofReport.pause(Duration.ofSeconds(3));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long refused = stage.telegram.calls("sendMessage").stream().filter(c -> c.path("failed").asBoolean()).count();
            BotProcess instance = stage.instances.get(0);
            ProofReport.record("fuzz", "10,000 fuzzed updates, seed " + seed + " (1 instance)", "sent " + MESSAGES + ", answered "
                    + replies.size() + ", lost " + (MESSAGES - replies.size()) + ", bot messages "
                    + replies.values().stream().mapToInt(Integer::intValue).sum() + ", refused by Telegram " + refused
                    + ", instance alive " + instance.alive() + String.format(java.util.Locale.ROOT, ", %.0f s", seconds));

            assertThat(instance.alive()).as("the instance survived").isTrue();
            assertThat(instance.status("/health")).isEqualTo(200);
            assertThat(replies).as("citizens answered (replay with -Dfuzz.seed=" + seed + ")").hasSize(MESSAGES);
            assertThat(refused).as("messages Telegram refused (bad HTML, too long)").isZero();
        }
    }

    private static Map<Long, Integer> repliesPerCitizen(java.util.List<JsonNode> calls) {
        Map<Long, Integer> replies = new HashMap<>();
        for (JsonNode call : calls) {
            long chat = Long.parseLong(call.path("body").path("chat_id").asText("0"));
            if (!call.path("failed").asBoolean() && chat >= FIRST_CITIZEN && chat < FIRST_CITIZEN + MESSAGES) {
                replies.merge(chat, 1, Integer::sum);
            }
        }
        return replies;
    }
}
