package org.consularbot.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own (a tmpfs of a fixed size) mounted on a fresh folder, so a proof can fill a disk
 * for real without touching the machine's. Mounting needs root (or CAP_SYS_ADMIN): where it is refused, {@link
 * #refusal()} says why and the proof does not run.
 */
final class TmpfsMount implements AutoCloseable {

    private final Path folder;
    private final Optional<String> refusal;

    private TmpfsMount(Path folder, Optional<String> refusal) {
        this.folder = folder;
        this.refusal = refusal;
    }

    /** Mounts a tmpfs of {@code megabytes} on a new folder, or says why it could not. */
    static TmpfsMount mount(int megabytes) {
        Path folder;
        try {
            folder = Files.createTempDirectory("proof-disk-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String size = "size=" + megabytes + "m,mode=0700";
        Optional<String> failed = run("mount", "-t", "tmpfs", "-o", size, "tmpfs", folder.toString());
        if (failed.isPresent()) {
            deleteQuietly(folder);
            return new TmpfsMount(folder, failed);
        }
        // A mount that "worked" on something else (no tmpfs, another size) would not fill when the proof expects.
        try {
            FileStore store = Files.getFileStore(folder);
            long total = store.getTotalSpace();
            if (!store.type().equals("tmpfs") || total > megabytes * 1024L * 1024L) {
                run("umount", folder.toString());
                deleteQuietly(folder);
                return new TmpfsMount(
                        folder, Optional.of("the folder is on " + store.type() + " of " + total + " bytes, not tmpfs"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TmpfsMount(folder, Optional.empty());
    }

    /** Why the tmpfs could not be mounted; empty when it is. */
    Optional<String> refusal() {
        return refusal;
    }

    Path folder() {
        return folder;
    }

    /** Bytes the file system can still give. */
    long free() {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code file} until the file system refuses more, then gives {@code headroom} bytes of it back: the next
     * few writes of whoever shares the disk succeed, then theirs fail too.
     */
    void fillLeaving(Path file, long headroom) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int block : List.of(1 << 20, 4096)) {
                ByteBuffer bytes = ByteBuffer.allocate(block);
                try {
                    while (true) {
                        bytes.clear();
                        while (bytes.hasRemaining()) {
                            channel.write(bytes);
                        }
                    }
                } catch (IOException full) {
                    // No space left: on to smaller blocks, then done.
                }
            }
            channel.truncate(Math.max(0, channel.size() - headroom));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill " + folder, e);
        }
    }

    /** Unmounts (lazily if a process still holds a file there) and removes the folder. */
    @Override
    public void close() {
        if (refusal.isPresent()) {
            return;
        }
        Optional<String> failed = run("umount", folder.toString());
        if (failed.isPresent()) {
            failed = run("umount", "-l", folder.toString());
        }
        if (failed.isPresent()) {
            throw new IllegalStateException("cannot unmount " + folder + ": " + failed.get());
        }
        deleteQuietly(folder);
    }

    /** Runs a command to its end; empty when it exited 0, else what went wrong with its output. */
    private static Optional<String> run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(String.join(" ", command) + " did not end within 20 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of(String.join(" ", command) + " exited with " + process.exitValue() + ": " + output);
        } catch (IOException e) {
            return Optional.of("cannot run " + command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind: harmless
        }
    }
}
