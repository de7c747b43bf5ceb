package org.consularbot.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings of a running bot, read once and checked at start-up. Every key and its default is listed in
 * {@code .env.example}; a bad value stops start-up with a message naming the key, never a silent default.
 *
 * @param dbUrl              {@code DB_URL}: JDBC URL, H2 file under {@code ./data/} by default, or PostgreSQL
 * @param dbPoolSize         {@code DB_POOL_SIZE}: database connections (2..64, default 8)
 * @param faqDir             {@code FAQ_DIR}: an editable corpus folder; the bundled corpus when absent
 * @param retentionDays      {@code RETENTION_DAYS}: days message content is kept (1..3650, default 90)
 * @param rateLimitPerMinute {@code RATE_LIMIT_PER_MINUTE}: messages one citizen gets answered per minute
 *                           (0 = no limit, default 20)
 * @param llm                the fallback's model ({@code LLM_*}); provider none by default
 * @param handoff            roster, officer names, SLA limits
 */
public record BotConfig(
        String dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        int dbPoolSize,
        Optional<Path> faqDir,
        int retentionDays,
        int rateLimitPerMinute,
        LlmConfig llm,
        HandoffConfig handoff) {

    public static final String DB_URL = "DB_URL";
    public static final String DB_USER = "DB_USER";
    public static final String DB_PASSWORD = "DB_PASSWORD";
    public static final String DB_POOL_SIZE = "DB_POOL_SIZE";
    public static final String FAQ_DIR = "FAQ_DIR";
    public static final String RETENTION_DAYS = "RETENTION_DAYS";
    public static final String RATE_LIMIT_PER_MINUTE = "RATE_LIMIT_PER_MINUTE";
    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/consular-bot";
    /** Flyway takes a second connection from the pool while it migrates on open: with one, opening times out. */
    public static final int MIN_POOL_SIZE = 2;

    /** Reads and checks every setting. */
    public static BotConfig from(Settings settings) {
        String url = settings.get(DB_URL).orElse(DEFAULT_DB_URL).strip();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new InvalidSettingException(
                    DB_URL, "must be an H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...) JDBC URL");
        }
        if (url.matches("(?i)jdbc:h2:.*;WRITE_DELAY=(?!0+(;|$)).*")) {
            throw new InvalidSettingException(
                    DB_URL,
                    "must not set H2's WRITE_DELAY other than 0: a delayed write loses acknowledged messages when the process is killed");
        }
        if (url.matches("(?i)jdbc:postgresql://[^/?#]*@.*")) {
            // The PostgreSQL driver takes "user:password@" for a host name and echoes it in its errors; not the URL
            // here.
            throw new InvalidSettingException(
                    DB_URL, "must not carry user or password before the host; set DB_USER and DB_PASSWORD");
        }
        return new BotConfig(
                url,
                settings.get(DB_USER),
                settings.get(DB_PASSWORD),
                integer(settings, DB_POOL_SIZE, 8, MIN_POOL_SIZE, 64),
                settings.get(FAQ_DIR).map(Path::of),
                integer(settings, RETENTION_DAYS, 90, 1, 3650),
                integer(settings, RATE_LIMIT_PER_MINUTE, 20, 0, 10_000),
                LlmConfig.from(settings),
                HandoffConfig.from(settings));
    }

    static int integer(Settings settings, String key, int defaultValue, int min, int max) {
        Optional<String> raw = settings.get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get().strip());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(
                    key, "must be a whole number from " + min + " to " + max + ", not '" + raw.get() + "'");
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(key, "must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** Without the database password, and with any credential in the URL masked: a config may be logged. */
    @Override
    public String toString() {
        return "BotConfig[db " + Credentials.masked(dbUrl, dbPassword.orElse(null))
                + dbUser.map(u -> " as " + u).orElse("")
                + (dbPassword.isPresent() ? " with a password" : "") + ", pool " + dbPoolSize + ", faq "
                + faqDir.map(Path::toString).orElse("bundled") + ", retention " + retentionDays + " days, rate limit "
                + rateLimitPerMinute + "/min, " + llm + ", " + handoff + "]";
    }
}
