package org.consularbot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the disk under the embedded database is (nearly) full. On a full disk H2 closes the database or, in automatic
 * mixed mode, hangs on its lock file, and {@code /health} could only say "closed" or "gave no answer": an operator
 * woken at night then looked for a crash. Saying the disk is full names the fix.
 */
public final class DiskRoom {

    /** Below this the disk counts as nearly full: H2 grows its file by chunks of a few megabytes. */
    public static final long LOW_BYTES = 8L * 1024 * 1024;

    private final Path folder;
    private final long lowBytes;

    public DiskRoom(Path folder, long lowBytes) {
        this.folder = folder;
        this.lowBytes = lowBytes;
    }

    /** The room beside the H2 file a JDBC URL names; none for PostgreSQL, in-memory H2 or an H2 server. */
    public static Optional<DiskRoom> besideDatabase(String jdbcUrl) {
        return DatabaseSettings.h2File(jdbcUrl)
                .map(file -> file.toAbsolutePath().getParent())
                .map(folder -> new DiskRoom(folder, LOW_BYTES));
    }

    /**
     * "disk nearly full (2.1 MB free)" when the folder's disk has less room than the bound; empty when it has more, or
     * when the disk cannot be asked (the database's own check says what failed).
     */
    public Optional<String> shortage() {
        try {
            long free = Files.getFileStore(folder).getUsableSpace();
            return free < lowBytes
                    ? Optional.of(String.format(Locale.ROOT, "disk nearly full (%.1f MB free)", free / 1048576.0))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
