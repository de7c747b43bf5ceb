package org.consularbot.channel.zalo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.consularbot.channel.RefusedCalls;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.StoreException;
import org.consularbot.conversation.StoredInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zalo's webhook, apart from the HTTP server: a call without a well-formed signature is refused before its body is
 * read; then the signature is checked (constant time) and the timestamp must be recent, else 401 and nothing is
 * stored; then the event is stored (deduplicated on {@code msg_id}, since Zalo retries) and 200 goes back at once,
 * the answer following asynchronously. Ids are read as strings (they overflow a long in some languages' JSON).
 */
public final class ZaloWebhook {

    /** The header Zalo signs its calls with. */
    public static final String SIGNATURE_HEADER = "X-ZEvent-Signature";
    /** Where the bot's HTTP server takes Zalo's events. */
    public static final String PATH = "/webhooks/zalo";

    static final String CHANNEL = "zalo";

    private static final Logger log = LoggerFactory.getLogger(ZaloWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final Map<String, ContentKind> KINDS = Map.of(
            "user_send_image",
            ContentKind.PHOTO,
            "user_send_gif",
            ContentKind.PHOTO,
            "user_send_sticker",
            ContentKind.STICKER,
            "user_send_file",
            ContentKind.FILE,
            "user_send_audio",
            ContentKind.VOICE,
            "user_send_video",
            ContentKind.VIDEO,
            "user_send_location",
            ContentKind.LOCATION,
            "user_send_link",
            ContentKind.OTHER,
            "user_send_business_card",
            ContentKind.CONTACT);

    private final String appId;
    private final String oaSecretKey;
    private final Duration maxAge;
    private final Clock clock;
    private final Function<InboundMessage, StoredInbound> accept;
    private final Consumer<StoredInbound> answerLater;
    private final Consumer<ConversationKey> forget;
    private final Consumer<ConversationKey> unfollowed;
    private final RefusedCalls refused;

    /**
     * @param accept      stores a message (deduplicated); throws StoreException when it cannot
     * @param answerLater answers a stored message off the request thread
     * @param forget      deletes what is stored about a citizen who withdrew consent
     * @param unfollowed  withdraws their advisory subscription: the OA can no longer write to them
     */
    public ZaloWebhook(
            String appId,
            String oaSecretKey,
            Duration maxAge,
            Clock clock,
            Function<InboundMessage, StoredInbound> accept,
            Consumer<StoredInbound> answerLater,
            Consumer<ConversationKey> forget,
            Consumer<ConversationKey> unfollowed) {
        this.appId = appId;
        this.oaSecretKey = oaSecretKey;
        this.maxAge = maxAge;
        this.clock = clock;
        this.accept = accept;
        this.answerLater = answerLater;
        this.forget = forget;
        this.unfollowed = unfollowed;
        this.refused = new RefusedCalls("Zalo", clock, Duration.ofMinutes(1), log::warn);
    }

    /**
     * Handles one call and returns the HTTP status to answer. A call with no signature, or one that cannot be a
     * signature, is refused before its body is read: the signature covers the body, but a forger need not be given
     * the time to send one (a body trickled in holds a server thread).
     *
     * @param signature the signature header's value, or null when absent
     * @param rawBody   the body, read when asked for
     */
    public int receive(String signature, Supplier<byte[]> rawBody) {
        if (!ZaloSignature.wellFormed(signature)) {
            refused.refused(signature == null ? "no signature" : "malformed signature");
            return 401;
        }
        String body = new String(rawBody.get(), StandardCharsets.UTF_8);
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            refused.refused("not JSON");
            return 400;
        }
        if (event == null || !event.isObject()) {
            refused.refused("not a JSON object");
            return 400;
        }
        String timestamp = event.path("timestamp").asText(null);
        if (!ZaloSignature.valid(signature, appId, body, timestamp, oaSecretKey)) {
            refused.refused("wrong signature");
            return 401;
        }
        Instant sent;
        try {
            sent = Instant.ofEpochMilli(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            refused.refused("timestamp not a number");
            return 400;
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(maxAge) > 0) {
            refused.refused("timestamp too far from now (replay?)");
            return 401;
        }
        String name = event.path("event_name").asText("");
        try {
            return handle(name, event, sent);
        } catch (StoreException e) {
            log.error("Zalo event not stored ({}); Zalo will send it again", e.getMessage());
            return 503;
        }
    }

    private int handle(String name, JsonNode event, Instant sent) {
        if (name.equals("follow")) {
            String follower = event.path("follower").path("id").asText("");
            if (!follower.isEmpty()) {
                store(InboundMessage.text(
                        key(follower),
                        follower,
                        "follow-" + event.path("timestamp").asText(),
                        "/start",
                        sent));
            }
            return 200;
        }
        if (name.equals("unfollow")) {
            String follower = event.path("follower").path("id").asText("");
            if (!follower.isEmpty()) {
                unfollowed.accept(key(follower));
            }
            return 200;
        }
        if (name.equals("user_withdraw")) {
            String user =
                    event.path("sender").path("id").asText(event.path("user_id").asText(""));
            if (!user.isEmpty()) {
                forget.accept(key(user));
                log.info("a Zalo citizen withdrew consent; their conversation was deleted (anonymous counts kept)");
            }
            return 200;
        }
        if (!name.startsWith("user_send_")) {
            return 200; // delivery receipts, anonymous messages: nothing to answer
        }
        String sender = event.path("sender").path("id").asText("");
        JsonNode message = event.path("message");
        String msgId = message.path("msg_id").asText("");
        if (sender.isEmpty() || msgId.isEmpty()) {
            return 400;
        }
        ContentKind kind =
                name.equals("user_send_text") ? ContentKind.TEXT : KINDS.getOrDefault(name, ContentKind.OTHER);
        store(new InboundMessage(
                key(sender), sender, msgId, kind, message.path("text").asText(""), sent));
        return 200;
    }

    private void store(InboundMessage message) {
        StoredInbound stored = accept.apply(message);
        if (!stored.handled()) {
            answerLater.accept(stored);
        }
    }

    static ConversationKey key(String userId) {
        return new ConversationKey(CHANNEL, userId);
    }
}
