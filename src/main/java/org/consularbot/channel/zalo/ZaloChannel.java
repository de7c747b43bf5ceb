package org.consularbot.channel.zalo;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.consularbot.config.ZaloConfig;
import org.consularbot.conversation.ChatLanes;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ReplyDelivery;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.TurnProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zalo Official Account channel, assembled: tokens, the window-aware sender for the turn processor, and the
 * webhook (served by the bot's HTTP server at {@link ZaloWebhook#PATH}). Answers run on chat lanes, so the webhook
 * answers Zalo within its 2 seconds; replies held by a closed window go first when the citizen writes again.
 */
public final class ZaloChannel implements AutoCloseable {

    /** The channel's name in the store. */
    public static final String NAME = ZaloWebhook.CHANNEL;

    private static final Logger log = LoggerFactory.getLogger(ZaloChannel.class);

    private final ZaloConfig config;
    private final Clock clock;
    private final ZaloSender sender;
    private final ZaloTokens tokens;
    private final ChatLanes lanes = new ChatLanes(4, "zalo");

    /** @param tellOfficers a notice for the officers (a closed window, a failed token refresh) */
    public ZaloChannel(
            ZaloConfig config,
            ZaloTokens.Vault vault,
            ZaloSender.ReplyWindow window,
            Consumer<String> tellOfficers,
            Clock clock) {
        this.config = config;
        this.clock = clock;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.tokens = new ZaloTokens(
                config.oauthUrl(),
                config.appId(),
                config.appSecret(),
                config.refreshToken(),
                vault,
                http,
                clock,
                why -> tellOfficers.accept("Zalo: " + why + " — Zalo replies wait; Telegram goes on"));
        this.sender = new ZaloSender(
                config.apiUrl(), tokens, http, window, config.freeReplies(), config.window(), clock, tellOfficers);
    }

    /** Refreshes the access token if it expires soon, so a quiet OA does not let its refresh token lapse. */
    public void keepTokensFresh() {
        try {
            tokens.accessToken();
        } catch (ZaloException e) {
            log.warn("Zalo token check: {}", e.getMessage());
        }
    }

    public ReplySender sender() {
        return sender;
    }

    /**
     * The webhook receiver for this processor.
     *
     * @param forget     deletes a citizen's stored content when they withdraw consent
     * @param unfollowed withdraws a citizen's advisory subscription when they unfollow the OA
     */
    public ZaloWebhook webhook(
            TurnProcessor processor,
            ReplyDelivery delivery,
            Consumer<ConversationKey> forget,
            Consumer<ConversationKey> unfollowed) {
        return new ZaloWebhook(
                config.appId(),
                config.oaSecretKey(),
                config.maxAge(),
                clock,
                processor::accept,
                stored -> lanes.submit(stored.message().conversation(), () -> {
                    try {
                        // The citizen wrote: the window is open again, replies held meanwhile go first.
                        delivery.sendHeldTo(stored.message().conversation());
                        processor.answerStored(stored);
                    } catch (RuntimeException e) {
                        log.error("could not answer a Zalo message now; it stays stored for the relay", e);
                    }
                }),
                forget,
                unfollowed);
    }

    @Override
    public void close() {
        lanes.close();
    }
}
