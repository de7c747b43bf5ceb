package org.consularbot.store;

import java.util.Optional;

/**
 * Where the conversations live: {@code DB_URL} (JDBC; H2 file by default), {@code DB_USER}, {@code DB_PASSWORD},
 * {@code DB_POOL_SIZE}.
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password, int poolSize) {

    public DatabaseSettings {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...) are supported");
        }
        if (poolSize < 2) {
            // Flyway holds a second connection while it migrates on open.
            throw new IllegalArgumentException("pool size must be at least 2");
        }
    }

    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, Optional.empty(), Optional.empty(), 8);
    }

    /** The URL with any password parameter masked, for messages. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
