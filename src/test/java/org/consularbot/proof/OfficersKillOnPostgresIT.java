package org.consularbot.proof;

import org.consularbot.channel.telegram.TelegramEmulator;
import org.junit.jupiter.api.Test;

/**
 * Proof: the officers' side on PostgreSQL, {@link OfficersKillOnTheEmbeddedDefaultIT} with PostgreSQL under the one
 * instance ({@link OfficerRepliesUnderKills}). PostgreSQL keeps what it committed when the bot is killed, so no
 * receipt journal is kept; what is proven is the order: an officer's action is in the officers' inbox before Telegram
 * is told it arrived, and the restarted instance carries out what the killed one stored and had not done. Fewer kills
 * than on H2, to keep the build short.
 */
class OfficersKillOnPostgresIT {

    private static final int KILLS = 5;

    @Test
    void noAcknowledgedOfficerReplyIsLostWhenTheInstanceIsKilled() throws Exception {
        try (ProofPostgres postgres = ProofPostgres.start();
                TelegramEmulator telegram = TelegramEmulator.start()) {
            OfficerRepliesUnderKills.Outcome outcome =
                    OfficerRepliesUnderKills.run("postgres-officers", telegram, postgres.jdbcUrl(), KILLS);
            outcome.record("postgres-officers-kill", "kill -9 on PostgreSQL", "");
            outcome.assertEveryReplyReachedItsCitizen();
        }
    }
}
