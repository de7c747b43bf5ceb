package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.consularbot.store.ReceiptJournal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Proof: the embedded default (an H2 file) on a disk that fills up for real. The database and its receipt journal live
 * on a tmpfs of their own; once the bot has answered a few citizens, a filler file takes all of it but 3 MB, and
 * citizens go on writing (one every 50 ms, each followed by a /health check) until the disk refuses their messages,
 * and on for 30 s while it does. {@code H2ClosedItselfTest} only simulates this (H2 shut down by a statement); here the
 * writes themselves fail, in H2 and in the journal, wherever each was. What must hold: {@code /health} says the database is closed while the disk is
 * full, nothing Telegram was told had arrived is lost, the journal can give back every such message at a restart, and
 * once the filler is deleted the same process (no restart) answers everyone and says ok again.
 */
class FullDiskIT {

    private static final String TOKEN = "7000017:AAproofTOKENforTheEmulator_0123456789";
    /** Room for the database, and for how fast H2's file grows while it answers the backlog once the disk is freed. */
    private static final int TMPFS_MB = 96;
    /** What the filler leaves: the disk fills while citizens write and the bot answers, not before. */
    private static final long HEADROOM = 3L * 1024 * 1024;

    private static final int WARM_UP = 20;
    /** Fast enough that turns are under way when the disk fills: the turn that cannot commit is part of the proof. */
    private static final Duration SEND_EVERY = Duration.ofMillis(50);
    /** How long citizens go on writing once /health says closed: past the 30 s after which a failed answer is retried. */
    private static final Duration FULL_FOR = Duration.ofSeconds(30);
    /** Ample for 3 MB (the proof fails if the disk never refuses a message by then). */
    private static final Duration FILL_AT_MOST = Duration.ofMinutes(2);
    /** The 30 s after which a stored message's failed answer is tried again, the backlog, and margin. */
    private static final Duration RECOVER_WITHIN = Duration.ofMinutes(3);

    private static final int AFTER = 20;
    /** Replies in flight when H2 closes itself may go out again, as at a kill (8 chat lanes and the relay). */
    private static final int IN_FLIGHT = 9;

    @Test
    void aFullDiskClosesTheDatabaseAndTheBotRecoversByItselfLosingNothingAcknowledged() throws Exception {
        String proof = "full disk under the embedded H2 default (1 instance, a " + TMPFS_MB + " MB tmpfs filled)";
        try (TmpfsMount disk = TmpfsMount.mount(TMPFS_MB)) {
            if (disk.refusal().isPresent()) {
                String why = "did not run: cannot mount a tmpfs to fill (needs root or CAP_SYS_ADMIN): "
                        + disk.refusal().get();
                ProofReport.record("full-disk", proof, why);
                Assumptions.abort("FullDiskIT " + why);
            }
            try (TelegramEmulator telegram = TelegramEmulator.start()) {
                Map<String, String> env = telegram.pollingBotSettings(
                        TOKEN, "jdbc:h2:file:" + disk.folder().resolve("consular-bot"));
                try (BotProcess bot = BotProcess.start("full-disk", env)) {
                    prove(proof, disk, telegram, bot);
                }
            }
        }
    }

    private static void prove(String proof, TmpfsMount disk, TelegramEmulator telegram, BotProcess bot)
            throws Exception {
        CitizenLoad load = new CitizenLoad(telegram, TOKEN, 9_700_000);
        List<CitizenLoad.Sent> messages = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) {
            messages.add(load.next());
            ProofReport.pause(SEND_EVERY);
        }
        assertThat(load.awaitAnswers(Duration.ofSeconds(60), Duration.ZERO).lost())
                .as("warm-up messages unanswered on an empty disk")
                .isZero();

        Path filler = disk.folder().resolve("filler");
        disk.fillLeaving(filler, HEADROOM);

        // Citizens write until /health says the database is closed, and on for FULL_FOR while it says so.
        HealthWhileFull health = new HealthWhileFull();
        long fillStarted = System.nanoTime();
        while (health.closedAt == null || System.nanoTime() - health.closedAt < FULL_FOR.toNanos()) {
            if (System.nanoTime() - fillStarted > FILL_AT_MOST.toNanos()) {
                break;
            }
            messages.add(load.next());
            health.take(bot.ask("/health"));
            ProofReport.pause(SEND_EVERY);
        }
        BotProcess.Answer healthWhenFull = bot.ask("/health");
        long acknowledgedBelow = telegram.acknowledgedBelow(TOKEN);
        Set<Long> answeredWhenFull = load.answeredChats();
        List<CitizenLoad.Sent> acknowledged =
                messages.stream().filter(m -> m.update() < acknowledgedBelow).toList();
        long waiting = unanswered(acknowledged, answeredWhenFull);
        long notAcknowledged = messages.size() - acknowledged.size();

        // The operator frees the disk; the same process must find its way back alone.
        Files.delete(filler);
        long freed = System.nanoTime();
        long healthyAfter = -1;
        long acknowledgedAnsweredAfter = -1;
        long allAnsweredAfter = -1;
        while (allAnsweredAfter < 0 && System.nanoTime() - freed < RECOVER_WITHIN.toNanos()) {
            if (healthyAfter < 0 && bot.ask("/health").status() == 200) {
                healthyAfter = System.nanoTime() - freed;
            }
            Set<Long> answered = load.answeredChats();
            if (acknowledgedAnsweredAfter < 0 && unanswered(acknowledged, answered) == 0) {
                acknowledgedAnsweredAfter = System.nanoTime() - freed;
            }
            if (healthyAfter >= 0 && unanswered(messages, answered) == 0) {
                allAnsweredAfter = System.nanoTime() - freed;
            }
            ProofReport.pause(Duration.ofMillis(250));
        }
        for (int i = 0; i < AFTER; i++) {
            messages.add(load.next());
            ProofReport.pause(SEND_EVERY);
        }
        CitizenLoad.Tally tally = load.awaitAnswers(Duration.ofSeconds(60), CitizenLoad.PAST_LEASES);
        long lostAcknowledged = unanswered(acknowledged, load.answeredChats());
        long lastUpdate = messages.get(messages.size() - 1).update();
        BotProcess.Answer healthAtEnd = bot.ask("/health");
        // What a restart now would give back: the journal as the next start reads it.
        Set<Long> journaled = new ReceiptJournal(disk.folder().resolve("consular-bot.receipts"), Clock.systemUTC())
                .messages().stream()
                        .map(m -> Long.parseLong(m.conversation().chatId()))
                        .collect(Collectors.toSet());
        long notInJournal = unanswered(acknowledged, journaled);
        long givenBack = bot.lostAndGivenBack("when it closed itself; restored from the receipt journal");

        ProofReport.record(
                "full-disk",
                proof,
                tally + "; /health said '" + firstLine(health.closedBody) + "' after " + health.sentBefore
                        + " messages on the nearly full disk, then 503 " + health.closed + " times of "
                        + health.taken + ", ok " + health.okAfterClosed + " times while still full; when freed: "
                        + acknowledged.size() + " acknowledged (" + waiting + " of them not yet answered), "
                        + notAcknowledged + " not acknowledged (Telegram kept them); lost acknowledged "
                        + lostAcknowledged + "; acknowledged missing from the journal " + notInJournal
                        + "; given back by the journal when H2 opened again " + givenBack
                        + "; after the filler was deleted: /health ok in " + seconds(healthyAfter)
                        + ", every acknowledged message answered in " + seconds(acknowledgedAnsweredAfter)
                        + ", every message in " + seconds(allAnsweredAfter) + "; restarts " + (bot.starts() - 1));

        assertThat(health.closedAt)
                .as("/health said the database was closed while the disk was full")
                .isNotNull();
        // Rarely ok: H2 closing itself gives back what it held (its unwritten chunk), and for a moment the 4 kB probe
        // fits; the disk did take a write then. Seen once in 474 checks (stop 25); never for long.
        assertThat(health.okAfterClosed)
                .as("/health answers ok while the disk was still full")
                .isLessThanOrEqualTo(Math.max(1, health.taken / 100));
        assertThat(healthWhenFull.status())
                .as("/health just before the disk was freed: " + healthWhenFull.body())
                .isEqualTo(503);
        // H2 closed by the full disk answers "closed"; in automatic mixed mode (stop 27) the check may instead hang
        // while H2 tries its server's lock file, and /health says it gave no answer: 503 either way.
        assertThat(healthWhenFull.body()).containsAnyOf("database closed", "database gave no answer");
        assertThat(healthWhenFull.body()).as("/health names the cause").contains("disk nearly full");
        assertThat(notAcknowledged)
                .as("messages the full disk kept from being acknowledged (else the disk never refused one)")
                .isPositive();
        assertThat(lostAcknowledged).as("acknowledged messages never answered").isZero();
        assertThat(notInJournal)
                .as("acknowledged messages a restart could not give back (unreadable in the journal)")
                .isZero();
        assertThat(tally.lost()).as("messages never answered").isZero();
        assertThat(tally.duplicated()).as("replies sent twice").isLessThanOrEqualTo(IN_FLIGHT);
        assertThat(telegram.acknowledgedBelow(TOKEN))
                .as("every update acknowledged in the end (those refused were delivered again)")
                .isGreaterThan(lastUpdate);
        assertThat(healthAtEnd.status())
                .as("/health at the end: " + healthAtEnd.body())
                .isEqualTo(200);
        assertThat(bot.starts())
                .as("runs of the instance: it recovered without a restart")
                .isEqualTo(1);
        assertThat(bot.alive()).isTrue();
    }

    /** How many of {@code messages} come from chats not in {@code chats}. */
    private static long unanswered(List<CitizenLoad.Sent> messages, Set<Long> chats) {
        return messages.stream().filter(m -> !chats.contains(m.chat())).count();
    }

    private static String seconds(long nanos) {
        return nanos < 0 ? "never" : String.format("%.1f s", nanos / 1e9);
    }

    private static String firstLine(String body) {
        return body == null ? "" : body.lines().findFirst().orElse("");
    }

    /** The /health answers taken while the disk filled: when it first said 503, and what it said from then on. */
    private static final class HealthWhileFull {
        Long closedAt;
        String closedBody;
        int sentBefore;
        int taken;
        int closed;
        int okAfterClosed;

        void take(BotProcess.Answer answer) {
            if (closedAt == null && answer.status() == 503) {
                closedAt = System.nanoTime();
                closedBody = answer.body();
            }
            if (closedAt == null) {
                sentBefore++;
                return;
            }
            taken++;
            if (answer.status() == 503) {
                closed++;
            } else if (answer.status() == 200) {
                okAfterClosed++;
            }
        }
    }
}
