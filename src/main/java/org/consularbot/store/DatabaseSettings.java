package org.consularbot.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.consularbot.config.Credentials;

/**
 * Where the conversations live: {@code DB_URL} (JDBC; H2 file by default), {@code DB_USER}, {@code DB_PASSWORD},
 * {@code DB_POOL_SIZE}.
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password, int poolSize) {

    public DatabaseSettings {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...) are supported");
        }
        if (url.startsWith("jdbc:h2:") && url.matches("(?i).*;WRITE_DELAY=(?!0+(;|$)).*")) {
            throw new IllegalArgumentException(
                    "H2's WRITE_DELAY must be 0 (or left out): a delayed write loses acknowledged messages when the process is killed");
        }
        if (poolSize < 2) {
            // Flyway holds a second connection while it migrates on open.
            throw new IllegalArgumentException("pool size must be at least 2");
        }
    }

    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, Optional.empty(), Optional.empty(), 8);
    }

    /**
     * The URL the pool connects with. H2 writes a commit to its file up to {@code WRITE_DELAY} ms later (500 by
     * default), so a process killed in that window loses turns whose Telegram offset or HTTP 200 had already gone
     * out: an acknowledged message lost for good. {@code WRITE_DELAY=0} writes at commit. PostgreSQL is durable at
     * commit already.
     *
     * <p>An H2 file is opened in H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}): the first process opens it
     * embedded and serves it to the others over a local TCP port ({@link H2Connections} binds it to 127.0.0.1), so
     * {@code chat}, {@code officer console} and {@code officer add} work at once; without it the second failed with
     * "The file is locked". When the first process ends, another takes the file over. {@code AUTO_SERVER=FALSE} (or a
     * {@code FILE_LOCK} of one's own) in {@code DB_URL} turns it off.
     */
    public String jdbcUrl() {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        String jdbc = url;
        if (!upper.contains(";WRITE_DELAY=")) {
            jdbc += ";WRITE_DELAY=0";
        }
        if (h2File(url).isPresent() && !upper.contains(";AUTO_SERVER=") && !upper.contains(";FILE_LOCK=")) {
            jdbc += ";AUTO_SERVER=TRUE";
        }
        return jdbc;
    }

    /**
     * The file an H2 URL names, without H2's ".mv.db" ending ({@code jdbc:h2:file:./data/x} is {@code ./data/x}); none
     * for PostgreSQL, an in-memory H2 or an H2 server.
     */
    public static Optional<Path> h2File(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(8);
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:")
                || lower.startsWith("tcp:")
                || lower.startsWith("ssl:")
                || lower.startsWith("zip:")) {
            return Optional.empty();
        }
        if (lower.startsWith("file:")) {
            name = name.substring(5);
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(Path.of(name));
    }

    /** The URL with every credential in it masked ({@link Credentials}), for messages and logs. */
    public String safeUrl() {
        return Credentials.masked(url, password.orElse(null));
    }

    /** Without the password, and with any credential in the URL masked: settings may be logged. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + safeUrl() + user.map(u -> " as " + u).orElse("")
                + (password.isPresent() ? " with a password" : "") + ", pool " + poolSize + "]";
    }
}
