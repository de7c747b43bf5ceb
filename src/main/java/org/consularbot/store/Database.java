package org.consularbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.consularbot.conversation.StoreException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the conversation store: a connection pool over {@code DB_URL}, with the schema brought
 * up to date by Flyway on open. H2 (a file under {@code ./data/} by default) or PostgreSQL; the SQL is the
 * same for both. A database that cannot be reached fails {@link #open} with a message saying which.
 */
public final class Database implements AutoCloseable {

    /** The embedded default: zero setup, one process. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/consular-bot";

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final String url;
    /** Beside an H2 file while it is open: still there at the next open, the process was killed. */
    private final Optional<Path> openMarker;
    /** Beside an H2 file: written and removed by each health check, to learn whether the disk still takes a write. */
    private final Optional<Path> diskProbe;
    /** Whether the last health check found the disk refusing writes: a change is logged, not every check. */
    private boolean diskRefused;
    /** Connections that found H2 closed by itself, counted by the pool's {@link ClosedDatabaseEviction}. */
    private final AtomicLong closures;

    private Database(
            HikariDataSource pool,
            String url,
            Optional<Path> openMarker,
            Optional<Path> diskProbe,
            AtomicLong closures) {
        this.pool = pool;
        this.url = url;
        this.openMarker = openMarker;
        this.diskProbe = diskProbe;
        this.closures = closures;
    }

    /**
     * Connects, migrates and returns the database.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static Database open(DatabaseSettings settings) {
        DatabaseSettings.h2File(settings.url()).ifPresent(Database::createPrivateFolder);
        HikariConfig config = new HikariConfig();
        if (settings.url().regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            config.setDataSource(new H2Connections(settings.jdbcUrl()));
        } else {
            config.setJdbcUrl(settings.jdbcUrl());
        }
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("consular-bot");
        // Fail fast when the database goes away: the channel then keeps the message for redelivery.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(1);
        // Set once the pool exists; an error before that has no idle connection to drop.
        AtomicReference<HikariDataSource> created = new AtomicReference<>();
        AtomicLong closures = new AtomicLong();
        config.setExceptionOverride(new ClosedDatabaseEviction(() -> {
            closures.incrementAndGet();
            HikariDataSource made = created.get();
            if (made != null && made.getHikariPoolMXBean() != null) {
                made.getHikariPoolMXBean().softEvictConnections();
            }
        }));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
            created.set(pool);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database at " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot prepare the database at " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
        Optional<Path> marker = DatabaseSettings.h2File(settings.url()).map(file -> Path.of(file + ".open"));
        marker.filter(Database::leftByADeadProcess).ifPresent(found -> repairAfterKill(pool));
        marker.ifPresent(Database::mark);
        Optional<Path> probe = DatabaseSettings.h2File(settings.url()).map(file -> Path.of(file + ".probe"));
        return new Database(pool, settings.safeUrl(), marker, probe, closures);
    }

    /** The last process on this H2 file did not close it: its indexes are read anew from the tables. */
    private static void repairAfterKill(HikariDataSource pool) {
        long started = System.nanoTime();
        try {
            int rebuilt = H2IndexRepair.rebuild(pool);
            log.warn(
                    "the database was not closed when last used; rebuilt {} of its indexes in {} ms",
                    rebuilt,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            log.warn(
                    "the database was not closed when last used and its indexes could not be rebuilt: {}",
                    e.getMessage());
        }
    }

    /**
     * Whether the marker names a process that is gone (killed, or the machine stopped). One that still runs is this
     * process or a tool beside it on the same file (H2 shares one open database within a process): no repair then.
     */
    private static boolean leftByADeadProcess(Path marker) {
        return Files.exists(marker)
                && markedPid(marker)
                        .flatMap(ProcessHandle::of)
                        .map(p -> !p.isAlive())
                        .orElse(true);
    }

    private static Optional<Long> markedPid(Path marker) {
        try {
            return Optional.of(Long.parseLong(Files.readString(marker).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void mark(Path marker) {
        if (Files.exists(marker) && !leftByADeadProcess(marker)) {
            return; // opened again while a running process has it: that one removes the marker
        }
        try {
            Files.deleteIfExists(marker);
            Files.createFile(
                    marker, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot mark {} as open: {}", marker, e.getMessage());
        }
    }

    /**
     * Creates the folder of an H2 file readable by the service's user alone (conversations are personal data); H2 would
     * create it with the umask's permissions, usually readable by every local user. An existing folder is left as it is.
     */
    private static void createPrivateFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || Files.exists(folder)) {
            return;
        }
        try {
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new StoreException("cannot create the database folder " + folder + ": " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Whether this is the embedded H2 database, in this process. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL without credentials, for messages and logs. */
    public String url() {
        return url;
    }

    /**
     * How many times a connection found that H2 had closed the database by itself (a write it could not make, as on a
     * full disk); it grows by one or more per such closure, never otherwise. The next connection opens the file again,
     * without the commits H2 had not written yet: as after a kill, the receipt journal has them ({@link ReceiptReplay}).
     */
    public long closures() {
        return closures.get();
    }

    /**
     * Whether the database answers right now and, on an H2 file, whether the disk under it still takes a write (for
     * health checks). When it does not answer, the pool's idle connections are dropped, so that the next use opens new
     * ones (H2 that closed itself opens again) instead of failing on each dead one in turn.
     */
    public boolean reachable() {
        if (!valid()) {
            pool.getHikariPoolMXBean().softEvictConnections();
            if (!valid()) {
                return false;
            }
        }
        return diskProbe.map(this::diskTakesAWrite).orElse(true);
    }

    /**
     * Writes one block beside the H2 file, forced to disk, and removes it. On a full disk H2 closes itself at its next
     * write, yet the next connection opens it again at once (opening only reads) and it answers a validity check, so
     * /health said ok while no message could be stored, neither in the database nor in the receipt journal beside it
     * (FullDiskIT). A full disk refuses this block. Forced, because some file systems (NFS, copy-on-write ones) only
     * find no room when the data goes out.
     */
    private synchronized boolean diskTakesAWrite(Path probe) {
        try {
            try (FileChannel channel = FileChannel.open(
                    probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer block = ByteBuffer.allocate(4096);
                while (block.hasRemaining()) {
                    channel.write(block);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            if (!diskRefused) {
                log.warn(
                        "the disk under the database refuses writes ({}); the database counts as closed until it takes"
                                + " them again",
                        e.getMessage());
            }
            diskRefused = true;
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe); // gives the block back at once, and leaves nothing beside the database
            } catch (IOException e) {
                log.debug("cannot remove {}: {}", probe, e.getMessage());
            }
        }
        if (diskRefused) {
            log.info("the disk under the database takes writes again");
        }
        diskRefused = false;
        return true;
    }

    private boolean valid() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        openMarker
                .filter(marker -> markedPid(marker)
                        .equals(Optional.of(ProcessHandle.current().pid())))
                .ifPresent(marker -> {
                    try {
                        Files.deleteIfExists(marker);
                    } catch (IOException e) {
                        log.warn("cannot remove {}: {}", marker, e.getMessage());
                    }
                });
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null
                ? root.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
