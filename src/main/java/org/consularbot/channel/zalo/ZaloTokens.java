package org.consularbot.channel.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OA's access token, refreshed with OAuth v4 ahead of expiry. Zalo's refresh token is single-use and rotates:
 * the new pair is stored durably BEFORE the new access token is used, so a crash right after a refresh cannot
 * lose the OA. A refresh that fails is reported (officers are told) and retried on the next send; other
 * channels go on.
 */
public final class ZaloTokens {

    /** Where the tokens live between restarts. */
    public interface Vault {
        Optional<Pair> load();

        void save(Pair tokens, Instant at);
    }

    /** A refresh token and, once refreshed, the access token it gave and when that expires. */
    public record Pair(String refreshToken, Optional<String> accessToken, Optional<Instant> accessExpiresAt) {
        @Override
        public String toString() {
            return "Pair[tokens hidden, access expires " + accessExpiresAt.map(Instant::toString).orElse("-") + "]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ZaloTokens.class);
    private static final Duration AHEAD = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI oauthUrl;
    private final String appId;
    private final String appSecret;
    private final Vault vault;
    private final HttpClient http;
    private final Clock clock;
    private final Consumer<String> onFailure;
    private Pair current;
    private boolean unsaved;
    private boolean failing;

    /** @param initialRefreshToken used only when the vault holds none yet (first start) */
    public ZaloTokens(URI oauthUrl, String appId, String appSecret, Optional<String> initialRefreshToken, Vault vault, HttpClient http,
            Clock clock, Consumer<String> onFailure) {
        this.oauthUrl = oauthUrl;
        this.appId = appId;
        this.appSecret = appSecret;
        this.vault = vault;
        this.http = http;
        this.clock = clock;
        this.onFailure = onFailure;
        this.current = vault.load().or(() -> initialRefreshToken.map(t -> new Pair(t, Optional.empty(), Optional.empty()))).orElse(null);
    }

    /** A valid access token, refreshing first when there is none or it expires within ten minutes. */
    public synchronized String accessToken() throws ZaloException {
        if (current == null) {
            throw new ZaloException("no Zalo refresh token: set ZALO_REFRESH_TOKEN (README, \"Zalo\")", true);
        }
        if (unsaved) {
            save(current);
        }
        boolean fresh = current.accessToken().isPresent() && current.accessExpiresAt().map(at -> at.isAfter(clock.instant().plus(AHEAD))).orElse(false);
        if (!fresh) {
            refresh();
        }
        return current.accessToken().orElseThrow();
    }

    /** Forgets the access token (Zalo said it is invalid), so the next call refreshes. */
    public synchronized void invalidate() {
        if (current != null) {
            current = new Pair(current.refreshToken(), Optional.empty(), Optional.empty());
        }
    }

    private void refresh() throws ZaloException {
        String form = "app_id=" + enc(appId) + "&grant_type=refresh_token&refresh_token=" + enc(current.refreshToken());
        HttpRequest request = HttpRequest.newBuilder(URI.create(oauthUrl + "/v4/oa/access_token"))
                .timeout(Duration.ofSeconds(20))
                .header("secret_key", appSecret)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        JsonNode answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw failed("Zalo OAuth unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZaloException("interrupted", true);
        }
        String access = answer.path("access_token").asText("");
        String refresh = answer.path("refresh_token").asText("");
        if (access.isEmpty() || refresh.isEmpty()) {
            throw failed("Zalo refused the token refresh: " + answer.path("error_name").asText(answer.path("error").asText("no token in the answer")));
        }
        long seconds = answer.path("expires_in").asLong(90_000);
        Pair next = new Pair(refresh, Optional.of(access), Optional.of(clock.instant().plusSeconds(seconds)));
        // The old refresh token no longer works once Zalo has answered: keep the new one whatever happens, and store
        // it durably before it is used.
        current = next;
        save(next);
        failing = false;
        log.info("Zalo access token refreshed; valid for {} h", seconds / 3600);
    }

    private void save(Pair tokens) throws ZaloException {
        try {
            vault.save(tokens, clock.instant());
            unsaved = false;
        } catch (RuntimeException e) {
            unsaved = true;
            String why = "the new Zalo refresh token could not be stored (" + e.getClass().getSimpleName()
                    + "); until it is, a restart would disconnect the OA";
            log.error(why);
            onFailure.accept(why);
            throw new ZaloException(why, true);
        }
    }

    private ZaloException failed(String why) {
        log.error("{}; Zalo replies wait until it works", why);
        if (!failing) {
            // Officers are told once per outage, not at every send.
            onFailure.accept(why);
        }
        failing = true;
        return new ZaloException(why, true);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
