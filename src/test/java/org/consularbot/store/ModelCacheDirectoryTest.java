package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.consularbot.faq.ModelCache;
import org.consularbot.faq.ModelCacheContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model cache on disk: the contract, and what a disk adds (damage, no room, old files, privacy). */
class ModelCacheDirectoryTest extends ModelCacheContract {

    @TempDir
    Path tmp;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Override
    protected ModelCache cache() {
        return new ModelCacheDirectory(tmp.resolve("models"), 4, clock);
    }

    @Test
    void theFolderIsMadeOnFirstUseAndOnlyItsOwnerMayReadIt() throws Exception {
        cache().keep(KEY, new byte[] {1});

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("models"))))
                .isEqualTo("rwx------");
        assertThat(new ModelCacheDirectory(tmp.resolve("models"), 4, clock).find(KEY))
                .as("another process, same folder")
                .hasValueSatisfying(found -> assertThat(found).containsExactly(1));
    }

    @Test
    void aFileCutShortOrDamagedIsAMissAndIsDeleted() throws Exception {
        ModelCache cache = cache();
        cache.keep(KEY, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        cache.keep(OTHER_KEY, new byte[] {9, 9, 9});
        Path cut = tmp.resolve("models").resolve(KEY + ".model");
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(whole, whole.length - 2)); // a crash while the disk wrote it
        Path flipped = tmp.resolve("models").resolve(OTHER_KEY + ".model");
        byte[] other = Files.readAllBytes(flipped);
        other[other.length - 1] ^= 1;
        Files.write(flipped, other);

        assertThat(cache.find(KEY)).isEmpty();
        assertThat(cache.find(OTHER_KEY)).isEmpty();
        assertThat(cut).doesNotExist();
        assertThat(flipped).doesNotExist();
    }

    @Test
    void aFileShorterThanItsDigestIsAMiss() throws Exception {
        Files.createDirectories(tmp.resolve("models"));
        Files.write(tmp.resolve("models").resolve(KEY + ".model"), new byte[] {1, 2});

        assertThat(cache().find(KEY)).isEmpty();
    }

    @Test
    void onlyTheMostRecentlyUsedModelsAreKept() throws Exception {
        ModelCache cache = cache();
        String[] keys = new String[6];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = String.valueOf((char) ('a' + i)).repeat(64);
            cache.keep(keys[i], new byte[] {(byte) i});
            now.set(now.get().plus(Duration.ofMinutes(1)));
            if (i == 3) {
                assertThat(cache.find(keys[0]))
                        .as("used again: now the most recent")
                        .isPresent();
                now.set(now.get().plus(Duration.ofMinutes(1)));
            }
        }

        assertThat(cache.find(keys[0])).as("used after b and c were kept").isPresent();
        assertThat(cache.find(keys[1])).isEmpty();
        assertThat(cache.find(keys[2])).isEmpty();
        for (int i = 3; i < keys.length; i++) {
            assertThat(cache.find(keys[i])).as(keys[i]).isPresent();
        }
        try (var files = Files.list(tmp.resolve("models"))) {
            assertThat(files.toList()).hasSize(4);
        }
    }

    @Test
    void aLinkOrAFileLargerThanAnyModelIsAMissNotARunOutOfMemory() throws Exception {
        ModelCache cache = cache();
        cache.keep(OTHER_KEY, new byte[] {1});
        Path huge = tmp.resolve("models").resolve(KEY + ".model");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(ModelCacheDirectory.MAX_BYTES + 1); // sparse: no disk used
        }
        assertThat(cache.find(KEY)).isEmpty();
        assertThat(huge).doesNotExist();

        Path elsewhere = Files.write(
                tmp.resolve("elsewhere.model"),
                Files.readAllBytes(tmp.resolve("models").resolve(OTHER_KEY + ".model")));
        Files.createSymbolicLink(huge, elsewhere);
        assertThat(cache.find(KEY)).as("a link, even to a good model file").isEmpty();
    }

    @Test
    void aFolderOtherUsersMayWriteIsNotUsedSoNoOneCanPlantAModel() throws Exception {
        ModelCache cache = cache();
        cache.keep(KEY, new byte[] {1});
        Files.setPosixFilePermissions(tmp.resolve("models"), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(cache.find(KEY)).as("a model anyone could have put there").isEmpty();
        assertThat(cache.keep(OTHER_KEY, new byte[] {2})).isFalse();

        Files.setPosixFilePermissions(tmp.resolve("models"), PosixFilePermissions.fromString("rwx------"));
        assertThat(cache.find(KEY)).as("private again").isPresent();
    }

    @Test
    void aFolderThatCannotBeMadeCostsATrainingNotAnError() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        ModelCache cache = new ModelCacheDirectory(file.resolve("models"), 4, clock);

        assertThat(cache.keep(KEY, new byte[] {1})).isFalse();
        assertThat(cache.find(KEY)).isEmpty();
    }

    @Test
    void keepingLeavesNoPartialFileBehind() throws Exception {
        ModelCache cache = cache();
        cache.keep(KEY, new byte[1_000_000]);

        try (var files = Files.list(tmp.resolve("models"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(KEY + ".model");
        }
    }
}
