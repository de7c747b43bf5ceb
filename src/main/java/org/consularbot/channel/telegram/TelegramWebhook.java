package org.consularbot.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.consularbot.channel.RefusedCalls;
import org.consularbot.conversation.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook's logic, apart from the HTTP server: the secret Telegram sends in
 * {@code X-Telegram-Bot-Api-Secret-Token} is checked in constant time before the body is read; a forged call gets
 * 401 and nothing is stored. 200 means stored; 503 makes Telegram deliver the update again later.
 */
public final class TelegramWebhook {

    /** The header Telegram sets to the webhook's secret token. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Where the bot's HTTP server takes Telegram's updates. */
    public static final String PATH = "/webhooks/telegram";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final byte[] secret;
    private final TelegramIngress ingress;

    private final RefusedCalls refused;

    TelegramWebhook(String secret, TelegramIngress ingress, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.ingress = ingress;
        this.refused = new RefusedCalls("Telegram", clock, Duration.ofMinutes(1), log::warn);
    }

    /**
     * Handles one call and returns the HTTP status to answer.
     *
     * @param givenSecret the secret header's value, or null when absent
     * @param body read only once the secret matched
     */
    public int receive(String givenSecret, Supplier<byte[]> body) {
        if (givenSecret == null || !MessageDigest.isEqual(secret, givenSecret.getBytes(StandardCharsets.UTF_8))) {
            refused.refused(givenSecret == null ? "no secret token" : "wrong secret token");
            return 401;
        }
        byte[] raw = body.get(); // a body the server refused to read (too slow, too big) ends the request there
        Update update;
        try {
            update = json.readValue(raw, Update.class);
        } catch (IOException | RuntimeException e) {
            refused.refused("not a Telegram update (" + e.getClass().getSimpleName() + ")");
            return 400;
        }
        if (update == null || update.getUpdateId() == null) {
            refused.refused("no update_id");
            return 400;
        }
        try {
            ingress.receive(update);
            return 200;
        } catch (StoreException e) {
            log.error("update {} not stored ({}); Telegram will send it again", update.getUpdateId(), e.getMessage());
            return 503;
        } catch (RuntimeException e) {
            log.error(
                    "update {} could not be handled; acknowledged so Telegram does not resend it forever",
                    update.getUpdateId(),
                    e);
            return 200;
        }
    }
}
