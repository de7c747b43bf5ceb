package org.consularbot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.consularbot.faq.ModelCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained reading models as files in one folder ({@code MODEL_CACHE_DIR}, by default {@code ./data/models} beside
 * the embedded database), so a restart or another instance on the same disk loads in a second what took seconds
 * to train. A folder other users may write is not used (a planted model could silence the emergency reading). Each
 * file carries the SHA-256 of its bytes: a file cut short by a crash or damaged on disk is a miss
 * (deleted and trained again), never a broken model. Written to a temporary file and moved into place, so a reader
 * never sees half a file; the folder is private to the service's user; only the most recently used models are
 * kept. Any failure to read or write is logged and costs a training, never a start.
 */
public final class ModelCacheDirectory implements ModelCache {

    private static final Logger log = LoggerFactory.getLogger(ModelCacheDirectory.class);
    private static final String SUFFIX = ".model";
    private static final int DIGEST_BYTES = 32;
    /**
     * Larger files are not models of ours (today's are 3 and 9 MB): read whole, a huge or endless file linked here
     * would run the service out of memory at start-up.
     */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path folder;
    private final int kept;
    private final Clock clock;

    /**
     * @param kept models kept at most (older ones by last use are deleted): one corpus has two models, and staff
     *             editing examples leave one stale pair per edit
     */
    public ModelCacheDirectory(Path folder, int kept, Clock clock) {
        if (kept < 1) {
            throw new IllegalArgumentException("kept must be at least 1: " + kept);
        }
        this.folder = folder;
        this.kept = kept;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> find(String key) {
        Path file = folder.resolve(ModelCache.checkKey(key) + SUFFIX);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !onlyOursToWrite()) {
            return Optional.empty(); // a link is no file of ours
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                return damaged(file);
            }
            byte[] stored;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                stored = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (stored.length < DIGEST_BYTES || stored.length > MAX_BYTES) {
                return damaged(file);
            }
            byte[] model = Arrays.copyOfRange(stored, DIGEST_BYTES, stored.length);
            if (!MessageDigest.isEqual(Arrays.copyOf(stored, DIGEST_BYTES), sha256(model))) {
                return damaged(file);
            }
            touch(file);
            return Optional.of(model);
        } catch (IOException e) {
            log.warn("model cache: cannot read {} ({}); training instead", file, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public boolean keep(String key, byte[] model) {
        Path file = folder.resolve(ModelCache.checkKey(key) + SUFFIX);
        Path partial = null;
        try {
            createPrivateFolder();
            if (!onlyOursToWrite()) {
                return false;
            }
            partial = Files.createTempFile(folder, key, ".partial");
            Files.write(
                    partial,
                    ByteBuffer.allocate(DIGEST_BYTES + model.length)
                            .put(sha256(model))
                            .put(model)
                            .array());
            move(partial, file);
            touch(file);
            prune();
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("model cache: cannot store a model in {} ({}); the next start trains again", folder, e.toString());
            deleteQuietly(partial);
            return false;
        }
    }

    /** Marks the file used now, for pruning; a read-only disk or a file pruned meanwhile costs nothing. */
    private void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        } catch (IOException e) {
            log.debug("model cache: cannot mark {} used ({})", file, e.toString());
        }
    }

    /**
     * Whether only this user may write the folder. A model decides what counts as an emergency: one planted by another
     * user of the machine (the keys are predictable from the corpus) could silence the emergency reading, so a folder
     * others may write is not used at all.
     */
    private boolean onlyOursToWrite() {
        try {
            PosixFileAttributes attributes =
                    Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean othersWrite = attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE);
            boolean mine = attributes.owner().getName().equals(System.getProperty("user.name"));
            if (othersWrite || !mine) {
                log.warn(
                        "model cache: {} is {}; not used (make it the service user's alone: chmod 700)",
                        folder,
                        othersWrite
                                ? "writable by other users"
                                : "owned by " + attributes.owner().getName());
                return false;
            }
            return true;
        } catch (UnsupportedOperationException notPosix) {
            return true; // no POSIX permissions to check (Windows): the folder's ACLs are the operator's
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<byte[]> damaged(Path file) {
        log.warn("model cache: {} is damaged; deleted, training instead", file.getFileName());
        deleteQuietly(file);
        return Optional.empty();
    }

    private void createPrivateFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException raced) {
            // another instance made it first
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the least recently used models beyond {@code kept}, and partial files older than a day. */
    private void prune() throws IOException {
        List<Map.Entry<Path, FileTime>> models;
        try (Stream<Path> files = Files.list(folder)) {
            // Times read once, before sorting: another instance may touch a file meanwhile.
            models = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .map(f -> Map.entry(f, lastModified(f)))
                    .collect(Collectors.toCollection(ArrayList::new));
        }
        models.sort(Map.Entry.<Path, FileTime>comparingByValue().reversed());
        models.stream().skip(kept).map(Map.Entry::getKey).forEach(ModelCacheDirectory::deleteQuietly);
        FileTime dayAgo = FileTime.from(clock.instant().minusSeconds(86_400));
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".partial")
                            && lastModified(f).compareTo(dayAgo) < 0)
                    .forEach(ModelCacheDirectory::deleteQuietly);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone meanwhile: oldest, so pruned first
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("model cache: cannot delete {} ({})", file, e.toString());
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
