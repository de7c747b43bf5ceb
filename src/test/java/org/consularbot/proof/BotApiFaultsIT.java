package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proof: a Bot API in bad weather. While citizens write, one sendMessage in five fails with a 502 and one
 * getUpdates in ten with a 500, at random, and two bursts of 429 {@code retry_after: 3} arrive. Every message is
 * answered exactly once, and no refused reply is tried again sooner than Telegram asked (429) or than the
 * backoff allows (2 s after a first 5xx).
 */
class BotApiFaultsIT {

    private static final int RETRY_AFTER_SECONDS = 3;
    /** The emulator records a refusal before the instance reads it: a gap can only look longer, never shorter. */
    private static final long CLOCK_SLACK_MS = 100;

    @Test
    void everyMessageIsAnsweredOnceAndEveryRefusalIsWaitedOut() throws Exception {
        try (TwoInstancesOnPostgres stage = TwoInstancesOnPostgres.start("bot-api-faults", 1, Map.of())) {
            stage.telegram.failRandomly("sendMessage", 502, 0.2, 1_000_000);
            stage.telegram.failRandomly("getUpdates", 500, 0.1, 1_000_000);
            Runnable tooManyRequests = () -> stage.telegram.failNext("sendMessage", 429, RETRY_AFTER_SECONDS, 5);
            CitizenLoad load = new CitizenLoad(stage.telegram, TwoInstancesOnPostgres.TOKEN, 9_300_000);
            int perSecond = 10;
            load.send(
                    30 * perSecond, perSecond, Map.of(5 * perSecond, tooManyRequests, 15 * perSecond, tooManyRequests));
            stage.telegram.stopFailing();

            CitizenLoad.Tally tally = load.awaitAnswers(Duration.ofSeconds(90), Duration.ofSeconds(5));
            Waits waits = waitsAfterRefusals(stage.telegram.calls("sendMessage"));
            int pollsRefused = (int) stage.telegram.calls("getUpdates").stream()
                    .filter(c -> c.path("failed").asBoolean())
                    .count();
            ProofReport.record(
                    "bot-api-faults",
                    "Bot API 502 on 1 send in 5, 500 on 1 poll in 10, 429 bursts (1 instance, 10 msg/s, 30 s)",
                    tally + "; 429 refusals " + waits.after429().size() + " (shortest wait before retrying "
                            + shortest(waits.after429()) + " ms, asked " + RETRY_AFTER_SECONDS * 1000
                            + "), 5xx refusals "
                            + waits.after5xx().size() + " (shortest first retry " + shortest(waits.after5xx())
                            + " ms), polls refused "
                            + pollsRefused);

            assertThat(tally.lost()).as("messages never answered").isZero();
            assertThat(tally.duplicated()).as("replies sent twice").isZero();
            assertThat(waits.after429())
                    .as("429 refusals seen")
                    .isNotEmpty()
                    .allSatisfy(
                            gap -> assertThat(gap).isGreaterThanOrEqualTo(RETRY_AFTER_SECONDS * 1000 - CLOCK_SLACK_MS));
            assertThat(waits.after5xx())
                    .as("5xx refusals seen")
                    .isNotEmpty()
                    .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(2000 - CLOCK_SLACK_MS));
            assertThat(pollsRefused).isPositive();
        }
    }

    /** Milliseconds from each refused send to the next attempt at the same chat (first refusals only, for 5xx). */
    private record Waits(List<Long> after429, List<Long> after5xx) {}

    private static Waits waitsAfterRefusals(List<JsonNode> calls) {
        Map<String, List<JsonNode>> byChat = new HashMap<>();
        for (JsonNode call : calls) {
            byChat.computeIfAbsent(call.path("body").path("chat_id").asText(), chat -> new ArrayList<>())
                    .add(call);
        }
        List<Long> after429 = new ArrayList<>();
        List<Long> after5xx = new ArrayList<>();
        for (List<JsonNode> attempts : byChat.values()) {
            for (int i = 0; i + 1 < attempts.size(); i++) {
                JsonNode refused = attempts.get(i);
                long gap = attempts.get(i + 1).path("at").asLong()
                        - refused.path("at").asLong();
                int status = refused.path("status").asInt();
                if (status == 429) {
                    after429.add(gap);
                } else if (status >= 500 && i == 0) {
                    after5xx.add(gap);
                }
            }
        }
        return new Waits(after429, after5xx);
    }

    private static long shortest(List<Long> gaps) {
        return gaps.stream().mapToLong(Long::longValue).min().orElse(-1);
    }
}
