package org.consularbot.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.consularbot.conversation.StoreException;

/**
 * One {@code serve} at a time on an H2 file. H2's automatic mixed mode lets {@code chat}, {@code officer console} and
 * {@code officer add} share the file with the service; before it, H2's own file lock also kept a second {@code serve}
 * out, and it must stay out: the service's locks, leadership and claims on officers' actions are in-process on H2
 * (several instances need PostgreSQL), so two would both poll Telegram and post every card twice. An operating
 * system lock on {@code <file>.serve.lock}: a killed service's goes with its process.
 */
public final class SingleService implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SingleService(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Holds the service's place on the H2 file {@code jdbcUrl} names; none for PostgreSQL or an in-memory H2.
     *
     * @throws StoreException when another service holds it, or the lock file cannot be made
     */
    public static Optional<SingleService> hold(String jdbcUrl) {
        Optional<Path> file = DatabaseSettings.h2File(jdbcUrl);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(file.get() + ".serve.lock");
        FileChannel channel = null;
        try {
            Path folder = path.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            return Optional.of(new SingleService(channel, lock));
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw new StoreException(
                    "another serve runs on the database " + file.get()
                            + " already; several instances need PostgreSQL (DB_URL=jdbc:postgresql://...)",
                    e);
        } catch (IOException e) {
            close(channel);
            throw new StoreException("cannot lock " + path + ": " + e.getMessage(), e);
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a lock file we could not lock: nothing to keep
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // released with the channel below
        }
        close(channel);
    }
}
