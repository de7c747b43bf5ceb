package org.consularbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.consularbot.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

/** Regression (issue 17): the settings records' default toString printed the database password. */
class SecretsInToStringTest {

    private static final String PASSWORD = "s3cr3t-Pa55";

    @Test
    void theBotConfigNeverPrintsTheDatabasePassword() {
        BotConfig config = BotConfig.from(Settings.load(
                Map.of(
                        "DB_URL",
                        "jdbc:postgresql://db.example:5432/bot?password=" + PASSWORD,
                        "DB_USER",
                        "bot",
                        "DB_PASSWORD",
                        PASSWORD),
                Path.of("nonexistent.env")));

        assertThat(config.toString()).doesNotContain(PASSWORD).contains("db.example", "as bot", "with a password");
    }

    @Test
    void databaseSettingsNeverPrintThePassword() {
        DatabaseSettings inUrl = new DatabaseSettings(
                "jdbc:h2:mem:x;USER=sa;PASSWORD=" + PASSWORD, Optional.empty(), Optional.empty(), 2);
        DatabaseSettings apart = new DatabaseSettings(
                "jdbc:postgresql://u:" + PASSWORD + "@db/bot", Optional.of("bot"), Optional.of(PASSWORD), 4);

        assertThat(inUrl.toString()).doesNotContain(PASSWORD).contains("jdbc:h2:mem:x", "PASSWORD=***");
        assertThat(apart.toString()).doesNotContain(PASSWORD).contains("with a password", "pool 4");
    }
}
