package org.consularbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Telegram channel's settings. The channel is on when {@code TELEGRAM_BOT_TOKEN} is set: long polling, or a
 * webhook when {@code TELEGRAM_WEBHOOK_URL} is set too. Every value is checked here so that a wrong one stops
 * start-up naming its key; the token itself is never printed.
 *
 * @param token              {@code TELEGRAM_BOT_TOKEN}, from BotFather
 * @param apiUrl             {@code TELEGRAM_API_URL}: the Bot API server (a local Bot API server, or an emulator in tests)
 * @param webhookUrl         {@code TELEGRAM_WEBHOOK_URL}: the public HTTPS address Telegram posts updates to; empty = long polling
 * @param webhookSecret      {@code TELEGRAM_WEBHOOK_SECRET}: Telegram sends it in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param maxSendsPerSecond  {@code TELEGRAM_MAX_SENDS_PER_SECOND}: messages per second over all chats (Telegram: about 30)
 * @param chatSendIntervalMs {@code TELEGRAM_CHAT_SEND_INTERVAL_MS}: least time between two messages to one chat (Telegram: about 1 s)
 * @param pollTimeoutSeconds {@code TELEGRAM_POLL_TIMEOUT_SECONDS}: how long one long poll waits for updates
 * @param officerChatId      {@code TELEGRAM_OFFICER_CHAT_ID}: the officers' group (ticket cards, relays, officer commands)
 * @param groupMessagesPerMinute {@code TELEGRAM_GROUP_MESSAGES_PER_MINUTE}: messages a minute the officers' group takes
 *                           (Telegram: 20); a quarter of it is kept for urgent cards and alarms
 */
public record TelegramConfig(
        String token,
        URI apiUrl,
        Optional<URI> webhookUrl,
        Optional<String> webhookSecret,
        int maxSendsPerSecond,
        int chatSendIntervalMs,
        int pollTimeoutSeconds,
        Optional<Long> officerChatId,
        int groupMessagesPerMinute) {

    public static final String TELEGRAM_BOT_TOKEN = "TELEGRAM_BOT_TOKEN";
    public static final String TELEGRAM_API_URL = "TELEGRAM_API_URL";
    public static final String TELEGRAM_WEBHOOK_URL = "TELEGRAM_WEBHOOK_URL";
    public static final String TELEGRAM_WEBHOOK_SECRET = "TELEGRAM_WEBHOOK_SECRET";
    public static final String TELEGRAM_MAX_SENDS_PER_SECOND = "TELEGRAM_MAX_SENDS_PER_SECOND";
    public static final String TELEGRAM_CHAT_SEND_INTERVAL_MS = "TELEGRAM_CHAT_SEND_INTERVAL_MS";
    public static final String TELEGRAM_POLL_TIMEOUT_SECONDS = "TELEGRAM_POLL_TIMEOUT_SECONDS";
    public static final String TELEGRAM_OFFICER_CHAT_ID = "TELEGRAM_OFFICER_CHAT_ID";
    public static final String TELEGRAM_GROUP_MESSAGES_PER_MINUTE = "TELEGRAM_GROUP_MESSAGES_PER_MINUTE";
    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,100}");
    /** Telegram's rule for secret_token: 1–256 of A–Z, a–z, 0–9, _ and -. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{16,256}");

    public TelegramConfig {
        webhookUrl.ifPresent(url -> {
            if (webhookSecret.isEmpty()) {
                throw new InvalidSettingException(
                        TELEGRAM_WEBHOOK_SECRET, "must be set when " + TELEGRAM_WEBHOOK_URL + " is");
            }
        });
    }

    /** The channel's settings, or empty when no token is set (the channel is off). */
    public static Optional<TelegramConfig> from(Settings settings) {
        Optional<String> token = settings.get(TELEGRAM_BOT_TOKEN).map(String::strip);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (!TOKEN.matcher(token.get()).matches()) {
            throw new InvalidSettingException(
                    TELEGRAM_BOT_TOKEN,
                    "does not look like a bot token from BotFather (digits, a colon, then letters, digits, _ or -)");
        }
        URI api = url(settings, TELEGRAM_API_URL, settings.get(TELEGRAM_API_URL).orElse(DEFAULT_API_URL));
        if (!(api.getPath() == null || api.getPath().isEmpty() || api.getPath().equals("/"))) {
            throw new InvalidSettingException(
                    TELEGRAM_API_URL, "must be scheme, host and port only (no path), not '" + api + "'");
        }
        Optional<URI> webhook = settings.get(TELEGRAM_WEBHOOK_URL).map(raw -> url(settings, TELEGRAM_WEBHOOK_URL, raw));
        webhook.ifPresent(url -> {
            if (!"https".equals(url.getScheme()) && !isLoopback(url)) {
                throw new InvalidSettingException(
                        TELEGRAM_WEBHOOK_URL, "must be https (Telegram posts only to HTTPS), not '" + url + "'");
            }
        });
        Optional<String> secret = settings.get(TELEGRAM_WEBHOOK_SECRET).map(String::strip);
        secret.ifPresent(value -> {
            if (!SECRET.matcher(value).matches()) {
                throw new InvalidSettingException(
                        TELEGRAM_WEBHOOK_SECRET, "must be 16 to 256 of A-Z, a-z, 0-9, _ and -");
            }
        });
        return Optional.of(new TelegramConfig(
                token.get(),
                api,
                webhook,
                secret,
                BotConfig.integer(settings, TELEGRAM_MAX_SENDS_PER_SECOND, 30, 1, 1000),
                BotConfig.integer(settings, TELEGRAM_CHAT_SEND_INTERVAL_MS, 1000, 0, 60_000),
                BotConfig.integer(settings, TELEGRAM_POLL_TIMEOUT_SECONDS, 30, 0, 50),
                settings.get(TELEGRAM_OFFICER_CHAT_ID).map(String::strip).map(raw -> {
                    try {
                        return Long.parseLong(raw);
                    } catch (NumberFormatException e) {
                        throw new InvalidSettingException(
                                TELEGRAM_OFFICER_CHAT_ID,
                                "must be the group's numeric chat id (e.g. -1001234567890), not '" + raw + "'");
                    }
                }),
                BotConfig.integer(settings, TELEGRAM_GROUP_MESSAGES_PER_MINUTE, 20, 2, 1000)));
    }

    public boolean webhook() {
        return webhookUrl.isPresent();
    }

    /** The bot's numeric id, the part of the token before the colon: safe to log, unlike the token. */
    public String botId() {
        return token.substring(0, token.indexOf(':'));
    }

    /**
     * The bot's id, not its token; the URLs with any credential in them masked, the token and the webhook's secret too
     * (a webhook path often carries one): a config may be logged.
     */
    @Override
    public String toString() {
        return "TelegramConfig[bot " + botId() + ", api " + shown(apiUrl) + ", "
                + webhookUrl.map(url -> "webhook " + shown(url)).orElse("long polling") + "]";
    }

    private String shown(URI url) {
        return Credentials.masked(url.toString(), token, webhookSecret.orElse(null));
    }

    private static URI url(Settings settings, String key, String raw) {
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidSettingException(key, "must be an http(s) URL with a host, not '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(key, "must be an http(s) URL, not '" + raw + "'");
        }
    }

    private static boolean isLoopback(URI url) {
        String host = url.getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
