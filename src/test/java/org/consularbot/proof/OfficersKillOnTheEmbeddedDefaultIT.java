package org.consularbot.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.junit.jupiter.api.Test;

/**
 * Proof: the officers' side on the embedded default (an H2 file), killed 8 times while an officer replies to 40
 * citizens in turn ({@link OfficerRepliesUnderKills}; the same on PostgreSQL: {@link OfficersKillOnPostgresIT}). H2
 * can lose a row it committed when killed, so each action is also in the receipt journal and given back at start. The
 * count of actions the journal gave back includes those H2 lost before the poller had acknowledged them (Telegram
 * would send those again): the jar without the journal (199d148) also lost none in one run of the first form of this
 * proof (320 replies, one per citizen; duplicated 7), so a loss for good is rarer than one run in a few, as for
 * citizens; the unit test {@code OfficerReceiptRestoreTest} makes it happen.
 */
class OfficersKillOnTheEmbeddedDefaultIT {

    private static final int KILLS = 8;

    @Test
    void noAcknowledgedOfficerReplyIsLostWhenTheInstanceIsKilled() throws Exception {
        Path data = Files.createTempDirectory("proof-h2-officers-");
        try (TelegramEmulator telegram = TelegramEmulator.start()) {
            OfficerRepliesUnderKills.Outcome outcome = OfficerRepliesUnderKills.run(
                    "h2-officers",
                    telegram,
                    "jdbc:h2:file:" + data.resolve("consular-bot").toAbsolutePath(),
                    KILLS);
            outcome.record(
                    "h2-officers-kill",
                    "kill -9 on the embedded H2 default",
                    ", officers' actions H2 had lost at the kills and the receipt journal gave back"
                            + " (acknowledged or not yet) " + outcome.restoredFromJournal());
            outcome.assertEveryReplyReachedItsCitizen();
        }
    }
}
