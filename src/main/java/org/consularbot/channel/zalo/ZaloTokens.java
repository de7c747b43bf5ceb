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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OA's access token, refreshed with OAuth v4 ahead of expiry. Zalo's refresh token is single-use and rotates:
 * the new pair is stored durably BEFORE the new access token is used, so a crash right after a refresh cannot
 * lose the OA. Several instances share one vault: a refresh runs under the vault's lock, starts from the stored
 * pair (not this instance's copy, which another instance may have made stale) and takes the stored access token
 * when another instance renewed it meanwhile, so a spent refresh token is never sent. A refresh that fails is
 * reported (officers are told) and retried on the next send; other channels go on.
 */
public final class ZaloTokens {

    /** Where the tokens live between restarts, shared by every instance of the bot. */
    public interface Vault {
        Optional<Pair> load();

        /**
         * Under a lock every instance sharing this vault respects: gives the stored pair ({@code seed} is stored
         * first when there is none) to {@code renewal}, stores what it returns when that differs, and releases the
         * lock only once that is durable. Two instances refreshing at once would both send one single-use token.
         *
         * @return the pair now stored
         * @throws ZaloException as {@code renewal} threw it; nothing is stored then
         * @throws RuntimeException when the vault cannot be read or written (what renewal returned is then unsaved)
         */
        Pair renew(Pair seed, Instant at, Renewal renewal) throws ZaloException;
    }

    /** The pair to store, given the stored one: that one when it is still good, else a new one from Zalo. */
    @FunctionalInterface
    public interface Renewal {
        Pair renew(Pair stored) throws ZaloException;
    }

    /** A refresh token and, once refreshed, the access token it gave and when that expires. */
    public record Pair(String refreshToken, Optional<String> accessToken, Optional<Instant> accessExpiresAt) {
        @Override
        public String toString() {
            return "Pair[tokens hidden, access expires "
                    + accessExpiresAt.map(Instant::toString).orElse("-") + "]";
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
    /** The refresh token the unsaved pair was bought with: spent at Zalo, perhaps still the stored one. */
    private String spentFor;

    private boolean failing;
    /** The access token Zalo last refused: not to be taken again from the vault, however fresh it looks. */
    private Optional<String> refused = Optional.empty();

    /** @param initialRefreshToken used only when the vault holds none yet (first start) */
    public ZaloTokens(
            URI oauthUrl,
            String appId,
            String appSecret,
            Optional<String> initialRefreshToken,
            Vault vault,
            HttpClient http,
            Clock clock,
            Consumer<String> onFailure) {
        this.oauthUrl = oauthUrl;
        this.appId = appId;
        this.appSecret = appSecret;
        this.vault = vault;
        this.http = http;
        this.clock = clock;
        this.onFailure = onFailure;
        this.current = vault.load()
                .or(() -> initialRefreshToken.map(t -> new Pair(t, Optional.empty(), Optional.empty())))
                .orElse(null);
    }

    /** A valid access token, refreshing first when there is none or it expires within ten minutes. */
    public synchronized String accessToken() throws ZaloException {
        if (current == null) {
            throw new ZaloException("no Zalo refresh token: set ZALO_REFRESH_TOKEN (docs/zalo.md)", true);
        }
        if (unsaved) {
            storeUnsaved();
        }
        if (!usable(current)) {
            refresh();
        }
        return current.accessToken().orElseThrow();
    }

    /**
     * Forgets the access token (Zalo said it is invalid), so the next call takes the stored one if another instance
     * renewed it, else refreshes.
     */
    public synchronized void invalidate() {
        if (current != null) {
            refused = current.accessToken();
            current = new Pair(current.refreshToken(), Optional.empty(), Optional.empty());
        }
    }

    private boolean usable(Pair pair) {
        return pair.accessToken().isPresent()
                && !pair.accessToken().equals(refused)
                && pair.accessExpiresAt()
                        .map(at -> at.isAfter(clock.instant().plus(AHEAD)))
                        .orElse(false);
    }

    private void refresh() throws ZaloException {
        AtomicReference<Pair> fromZalo = new AtomicReference<>();
        Pair renewed;
        try {
            renewed = vault.renew(current, clock.instant(), stored -> {
                if (usable(stored)) {
                    return stored; // another instance renewed it while this one's copy aged
                }
                spentFor = stored.refreshToken();
                fromZalo.set(exchange(stored.refreshToken()));
                return fromZalo.get();
            });
        } catch (RuntimeException e) {
            if (fromZalo.get() == null) {
                throw failed("the Zalo tokens could not be read from the database ("
                        + e.getClass().getSimpleName() + ")");
            }
            // The old refresh token no longer works once Zalo has answered: keep the new one whatever happens, and
            // store it before it is used.
            current = fromZalo.get();
            throw unstored(e);
        }
        current = renewed;
        unsaved = false;
        failing = false;
        refused = Optional.empty();
        if (fromZalo.get() != null) {
            log.info(
                    "Zalo access token refreshed; valid until {}",
                    renewed.accessExpiresAt().map(Instant::toString).orElse("-"));
        }
    }

    /** Spends {@code refreshToken} at Zalo for a new pair. */
    private Pair exchange(String refreshToken) throws ZaloException {
        String form = "app_id=" + enc(appId) + "&grant_type=refresh_token&refresh_token=" + enc(refreshToken);
        HttpRequest request = HttpRequest.newBuilder(URI.create(oauthUrl + "/v4/oa/access_token"))
                .timeout(Duration.ofSeconds(20))
                .header("secret_key", appSecret)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        JsonNode answer;
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
            throw failed("Zalo refused the token refresh: "
                    + answer.path("error_name").asText(answer.path("error").asText("no token in the answer")));
        }
        long seconds = answer.path("expires_in").asLong(90_000);
        return new Pair(
                refresh, Optional.of(access), Optional.of(clock.instant().plusSeconds(seconds)));
    }

    /**
     * Stores the pair a failed commit left in memory, under the vault's lock, only if the stored refresh token is
     * still the one it was bought with. If the commit did land after all (its acknowledgement was lost) another
     * instance may have renewed again since: then the stored pair is newer and ours is spent, so take the stored one.
     */
    private void storeUnsaved() throws ZaloException {
        Pair mine = current;
        try {
            current = vault.renew(
                    mine, clock.instant(), stored -> stored.refreshToken().equals(spentFor) ? mine : stored);
            unsaved = false;
        } catch (RuntimeException e) {
            throw unstored(e);
        }
    }

    private ZaloException unstored(RuntimeException e) {
        unsaved = true;
        String why = "the new Zalo refresh token could not be stored ("
                + e.getClass().getSimpleName() + "); until it is, a restart would disconnect the OA";
        log.error(why);
        onFailure.accept(why);
        return new ZaloException(why, true);
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
