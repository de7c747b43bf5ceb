package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.consularbot.conversation.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's automatic mixed mode lets the bot's commands share the file with the service (issue 18); a second {@code serve}
 * must still be kept out, as H2's file lock kept it out before: on H2 its locks and leadership are in-process.
 */
class SingleServiceTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondServiceOnTheSameH2FileIsRefusedUntilTheFirstCloses() {
        String url = "jdbc:h2:file:" + tmp.resolve("data/bot").toAbsolutePath();

        Optional<SingleService> first = SingleService.hold(url);
        assertThat(first).isPresent();
        assertThatThrownBy(() -> SingleService.hold(url))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("another serve runs on the database")
                .hasMessageContaining("PostgreSQL");

        first.get().close();
        SingleService.hold(url).orElseThrow().close();
    }

    @Test
    void postgresqlAndAnInMemoryH2NeedNoLock() {
        assertThat(SingleService.hold("jdbc:postgresql://db:5432/consular")).isEmpty();
        assertThat(SingleService.hold("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
    }
}
