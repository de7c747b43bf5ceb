package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.consularbot.conversation.ConversationKey;
import org.junit.jupiter.api.Test;

/**
 * Proof: one chat flooding the bot does not delay an unrelated citizen answered on the same lane. Telegram allows a
 * message a second per chat; that pacing used to be slept on the lane thread, so the flooder's twenty answered
 * messages (the rate limit's burst) held every other chat of its lane for about twenty seconds. Now a paced reply
 * waits in the outbox and the lane goes on. Measured on the packaged jar through the Telegram emulator, with the
 * default pacing: the reply time of citizens on the flooder's lane without a flood, then during one.
 */
class FloodIT {

    private static final int LANES = 8;
    private static final int CITIZENS = 12;
    private static final int FLOOD = 40;
    private static final long FLOODER = 9_700_000L;

    @Test
    void aFloodingChatDoesNotDelayAnotherCitizenOnItsLane() throws Exception {
        try (TwoInstancesOnPostgres stage = TwoInstancesOnPostgres.start("flood", 1, Map.of())) {
            List<Long> sameLane = chatsOnTheLaneOf(FLOODER, 2 * CITIZENS);
            List<Long> quiet = replyMillis(stage, sameLane.subList(0, CITIZENS));

            for (int i = 0; i < FLOOD; i++) {
                stage.telegram.userSays(
                        TwoInstancesOnPostgres.TOKEN,
                        FLOODER,
                        CitizenLoad.QUESTIONS.get(i % CitizenLoad.QUESTIONS.size()));
            }
            ProofReport.pause(Duration.ofMillis(500)); // the flood is received and its first turns answered
            List<Long> flooded = replyMillis(stage, sameLane.subList(CITIZENS, 2 * CITIZENS));

            long quietMax = Collections.max(quiet);
            long floodedMax = Collections.max(flooded);
            ProofReport.record(
                    "flood",
                    "a chat sends " + FLOOD + " messages at once; " + CITIZENS
                            + " citizens on its lane write one after another (1 instance, default pacing)",
                    "reply time without the flood: median " + median(quiet) + " ms, max " + quietMax
                            + " ms; during it: median " + median(flooded) + " ms, max " + floodedMax + " ms");

            assertThat(flooded)
                    .as("every citizen answered")
                    .allSatisfy(ms -> assertThat(ms).isPositive());
            assertThat(floodedMax)
                    .as("slowest reply during the flood vs without it, ms")
                    .isLessThanOrEqualTo(quietMax + 1_000);
        }
    }

    /** Each citizen writes and waits for the answer before the next writes; the time to the answer, in ms. */
    private static List<Long> replyMillis(TwoInstancesOnPostgres stage, List<Long> chats) {
        List<Long> millis = new ArrayList<>();
        for (long chat : chats) {
            long start = System.nanoTime();
            stage.telegram.userSays(TwoInstancesOnPostgres.TOKEN, chat, CitizenLoad.QUESTIONS.get(0));
            int got = stage.telegram
                    .botMessages(TwoInstancesOnPostgres.TOKEN, chat, 1)
                    .size();
            millis.add(got == 0 ? -1 : (System.nanoTime() - start) / 1_000_000);
        }
        return millis;
    }

    /** Chats the Telegram lanes ({@code ChatLanes}: the chat key's hash over 8 lanes) put with the flooder. */
    private static List<Long> chatsOnTheLaneOf(long flooder, int count) {
        int lane = lane(flooder);
        List<Long> chats = new ArrayList<>();
        for (long chat = flooder + 1; chats.size() < count; chat++) {
            if (lane(chat) == lane) {
                chats.add(chat);
            }
        }
        return chats;
    }

    private static int lane(long chat) {
        return Math.floorMod(new ConversationKey("telegram", String.valueOf(chat)).hashCode(), LANES);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
