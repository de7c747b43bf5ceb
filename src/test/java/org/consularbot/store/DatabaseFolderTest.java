package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFolderTest {

    @TempDir
    Path tmp;

    @Test
    // Regression: ./data was created by H2 with the umask's permissions, readable by every local user.
    void theFolderOfANewH2FileIsTheServiceUsersAlone() throws Exception {
        Path folder = tmp.resolve("data");
        try (Database database = Database.open(DatabaseSettings.of("jdbc:h2:file:" + folder.resolve("consular-bot")))) {
            assertThat(database.reachable()).isTrue();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
    }

    @Test
    void onlyAnH2FileNamesAFile() {
        assertThat(DatabaseSettings.h2File("jdbc:h2:file:./data/consular-bot;WRITE_DELAY=0"))
                .contains(Path.of("./data/consular-bot"));
        assertThat(DatabaseSettings.h2File("jdbc:h2:./bot")).contains(Path.of("./bot"));
        assertThat(DatabaseSettings.h2File("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isEmpty();
        assertThat(DatabaseSettings.h2File("jdbc:h2:tcp://localhost/~/bot")).isEmpty();
        assertThat(DatabaseSettings.h2File("jdbc:postgresql://db:5432/bot")).isEmpty();
    }
}
