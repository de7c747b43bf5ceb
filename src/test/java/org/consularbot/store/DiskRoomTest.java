package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk under the embedded database, asked on a real folder: "nearly full" below the bound, and only there. */
class DiskRoomTest {

    @TempDir
    Path folder;

    @Test
    void belowTheBoundTheDiskIsNearlyFullWithTheRoomLeft() {
        assertThat(new DiskRoom(folder, Long.MAX_VALUE).shortage())
                .hasValueSatisfying(said -> assertThat(said).matches("disk nearly full \\(\\d+\\.\\d MB free\\)"));
        assertThat(new DiskRoom(folder, 0).shortage()).isEmpty();
    }

    @Test
    void aFolderThatIsGoneSaysNothingRatherThanFailing() {
        assertThat(new DiskRoom(folder.resolve("gone/deeper"), Long.MAX_VALUE).shortage())
                .isEmpty();
    }

    @Test
    void onlyAnH2FileHasADiskToWatch() {
        String h2 = "jdbc:h2:file:" + folder.resolve("consular-bot") + ";AUTO_SERVER=TRUE";
        assertThat(DiskRoom.besideDatabase(h2)).isPresent();
        assertThat(DiskRoom.besideDatabase("jdbc:postgresql://localhost:5432/consular"))
                .isEmpty();
        assertThat(DiskRoom.besideDatabase("jdbc:h2:mem:test")).isEmpty();
    }
}
