package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    /** Regression: on the embedded default, H2 wrote commits up to 500 ms late, so kill -9 lost acknowledged messages. */
    @Test
    void anH2FileDatabaseWritesEachCommitAtOnce(@TempDir Path dir) throws Exception {
        try (Database database = Database.open(
                        DatabaseSettings.of("jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath()));
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void theUrlShownInMessagesIsTheOneConfigured() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:h2:file:./data/consular-bot");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:h2:file:./data/consular-bot;WRITE_DELAY=0;AUTO_SERVER=TRUE");
        assertThat(settings.safeUrl()).isEqualTo("jdbc:h2:file:./data/consular-bot");
    }

    @ParameterizedTest(name = "{0} is left as it is")
    @ValueSource(
            strings = {
                "jdbc:h2:file:/db;WRITE_DELAY=0;AUTO_SERVER=FALSE",
                "jdbc:h2:file:/db;write_delay=0;AUTO_SERVER=TRUE",
                "jdbc:h2:mem:x;WRITE_DELAY=0",
                "jdbc:postgresql://db:5432/consular"
            })
    void aDurableUrlIsNotChanged(String url) {
        assertThat(DatabaseSettings.of(url).jdbcUrl()).isEqualTo(url);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"jdbc:h2:file:/db;WRITE_DELAY=500", "jdbc:h2:file:/db;write_delay=10;MODE=PostgreSQL"})
    void aDelayedWriteIsRefused(String url) {
        assertThatThrownBy(() -> DatabaseSettings.of(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WRITE_DELAY must be 0");
    }
}
