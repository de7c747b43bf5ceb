package org.consularbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.consularbot.conversation.StoreException;
import org.flywaydb.core.Flyway;

/**
 * The database behind the conversation store: a connection pool over {@code DB_URL}, with the schema brought
 * up to date by Flyway on open. H2 (a file under {@code ./data/} by default) or PostgreSQL; the SQL is the
 * same for both. A database that cannot be reached fails {@link #open} with a message saying which.
 */
public final class Database implements AutoCloseable {

    /** The embedded default: zero setup, one process. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/consular-bot";

    private final HikariDataSource pool;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * Connects, migrates and returns the database.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static Database open(DatabaseSettings settings) {
        DatabaseSettings.h2File(settings.url()).ifPresent(Database::createPrivateFolder);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("consular-bot");
        // Fail fast when the database goes away: the channel then keeps the message for redelivery.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(1);
        // Set once the pool exists; an error before that has no idle connection to drop.
        AtomicReference<HikariDataSource> created = new AtomicReference<>();
        config.setExceptionOverride(new ClosedDatabaseEviction(() -> {
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
        return new Database(pool, settings.safeUrl());
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
     * Whether the database answers right now (for health checks). When it does not, the pool's idle connections are
     * dropped, so that the next use opens new ones (H2 that closed itself opens again) instead of failing on each
     * dead one in turn.
     */
    public boolean reachable() {
        if (valid()) {
            return true;
        }
        pool.getHikariPoolMXBean().softEvictConnections();
        return valid();
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
