package org.consularbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * The Zalo Official Account channel. On when {@code ZALO_APP_ID} is set; then the secrets must be too. The
 * secrets are never printed.
 *
 * @param appId            {@code ZALO_APP_ID}: the Zalo app linked to the OA
 * @param appSecret        {@code ZALO_APP_SECRET}: the app's secret key (token refresh)
 * @param oaSecretKey      {@code ZALO_OA_SECRET_KEY}: the OA secret key (webhook signatures; not the app secret)
 * @param refreshToken     {@code ZALO_REFRESH_TOKEN}: the first refresh token; later ones are stored in the database
 * @param apiUrl           {@code ZALO_API_URL}, default https://openapi.zalo.me
 * @param oauthUrl         {@code ZALO_OAUTH_URL}, default https://oauth.zaloapp.com
 * @param maxAge           {@code ZALO_WEBHOOK_MAX_AGE_SECONDS}: older (or future) webhook timestamps are refused (300)
 * @param freeReplies      {@code ZALO_FREE_REPLIES}: replies allowed per window after a citizen's message (8)
 * @param window           {@code ZALO_WINDOW_HOURS}: how long after a citizen's message replies are allowed (48)
 */
public record ZaloConfig(
        String appId,
        String appSecret,
        String oaSecretKey,
        Optional<String> refreshToken,
        URI apiUrl,
        URI oauthUrl,
        Duration maxAge,
        int freeReplies,
        Duration window) {

    public static final String ZALO_APP_ID = "ZALO_APP_ID";
    public static final String ZALO_APP_SECRET = "ZALO_APP_SECRET";
    public static final String ZALO_OA_SECRET_KEY = "ZALO_OA_SECRET_KEY";
    public static final String ZALO_REFRESH_TOKEN = "ZALO_REFRESH_TOKEN";
    public static final String ZALO_API_URL = "ZALO_API_URL";
    public static final String ZALO_OAUTH_URL = "ZALO_OAUTH_URL";
    public static final String ZALO_WEBHOOK_MAX_AGE_SECONDS = "ZALO_WEBHOOK_MAX_AGE_SECONDS";
    public static final String ZALO_FREE_REPLIES = "ZALO_FREE_REPLIES";
    public static final String ZALO_WINDOW_HOURS = "ZALO_WINDOW_HOURS";

    /** The channel's settings, or empty when {@code ZALO_APP_ID} is not set. */
    public static Optional<ZaloConfig> from(Settings settings) {
        Optional<String> appId = settings.get(ZALO_APP_ID).map(String::strip);
        if (appId.isEmpty()) {
            return Optional.empty();
        }
        if (!appId.get().matches("\\d{1,30}")) {
            throw new InvalidSettingException(ZALO_APP_ID, "must be the numeric app id from developers.zalo.me");
        }
        String appSecret = settings.get(ZALO_APP_SECRET)
                .map(String::strip)
                .orElseThrow(
                        () -> new InvalidSettingException(ZALO_APP_SECRET, "must be set when " + ZALO_APP_ID + " is"));
        String oaSecret = settings.get(ZALO_OA_SECRET_KEY)
                .map(String::strip)
                .orElseThrow(() -> new InvalidSettingException(
                        ZALO_OA_SECRET_KEY,
                        "must be set when " + ZALO_APP_ID + " is (the OA secret key, for webhook signatures)"));
        return Optional.of(new ZaloConfig(
                appId.get(),
                appSecret,
                oaSecret,
                settings.get(ZALO_REFRESH_TOKEN).map(String::strip),
                url(settings, ZALO_API_URL, "https://openapi.zalo.me"),
                url(settings, ZALO_OAUTH_URL, "https://oauth.zaloapp.com"),
                Duration.ofSeconds(BotConfig.integer(settings, ZALO_WEBHOOK_MAX_AGE_SECONDS, 300, 10, 86_400)),
                BotConfig.integer(settings, ZALO_FREE_REPLIES, 8, 1, 1000),
                Duration.ofHours(BotConfig.integer(settings, ZALO_WINDOW_HOURS, 48, 1, 720))));
    }

    private static URI url(Settings settings, String key, String fallback) {
        String raw = settings.get(key).orElse(fallback).strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(raw);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new InvalidSettingException(key, "must be an http(s) URL, not '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(key, "must be an http(s) URL, not '" + raw + "'");
        }
    }

    /** The app id, not its secrets; the URLs with any credential in them masked: a config may be logged. */
    @Override
    public String toString() {
        return "ZaloConfig[app " + appId + ", api " + shown(apiUrl) + ", oauth " + shown(oauthUrl) + "]";
    }

    private String shown(URI url) {
        return Credentials.masked(url.toString(), appSecret, oaSecretKey, refreshToken.orElse(null));
    }
}
