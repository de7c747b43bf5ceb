package org.consularbot.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.DeliveryException;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplySender;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends replies to Telegram chats, paced within Telegram's limits. A long reply goes as several messages, the
 * buttons under the last. Telegram's refusals are sorted for the outbox: 429 waits what Telegram asks, 5xx and
 * network errors are retried with backoff, a blocked bot or a chat that no longer exists is not retried.
 */
final class TelegramSender implements ReplySender {

    private final TelegramClient client;
    private final SendPacer pacer;
    private final SendPacer.Sleeper sleeper;

    TelegramSender(TelegramClient client, SendPacer pacer, SendPacer.Sleeper sleeper) {
        this.client = client;
        this.pacer = pacer;
        this.sleeper = sleeper;
    }

    /**
     * A chat's own pacing (one message a second) longer than this is not slept on: the reply is held in the outbox
     * and the relay sends it when the chat's turn comes, so that a chat writing forty messages does not delay the
     * other chats answered on the same lane.
     */
    static final Duration HOLD_OVER = Duration.ofMillis(250);

    @Override
    public void send(OutboxEntry entry) throws DeliveryException {
        String chatId = entry.conversation().chatId();
        Optional<Duration> hold = pacer.holdFor(chatId, HOLD_OVER);
        if (hold.isPresent()) {
            throw DeliveryException.held("paced: this chat's next message slot is later", hold.get());
        }
        Reply reply = entry.reply();
        List<String> parts = TelegramFormat.split(reply.text(), TelegramFormat.MAX_MESSAGE);
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            SendMessage message = SendMessage.builder()
                    .chatId(chatId)
                    .text(TelegramFormat.html(parts.get(i)))
                    .parseMode(ParseMode.HTML)
                    .disableWebPagePreview(true)
                    .replyMarkup(last ? TelegramFormat.keyboard(reply) : null)
                    .build();
            try {
                deliver(message, chatId, i > 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException("interrupted while waiting to send", false, e);
            }
        }
    }

    /**
     * Sends one message. A later part of a split reply is retried here, waiting what Telegram asks (up to a
     * minute, three times), because failing the whole reply would make the outbox send the earlier parts again.
     */
    private void deliver(SendMessage message, String chatId, boolean laterPart)
            throws DeliveryException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            pacer.awaitTurn(chatId);
            try {
                client.execute(message);
                return;
            } catch (TelegramApiException e) {
                DeliveryException refusal = refusal(e);
                Duration wait = refusal.retryAfter().orElse(Duration.ofSeconds(attempt));
                if (!laterPart || refusal.permanent() || attempt >= 3 || wait.compareTo(Duration.ofMinutes(1)) > 0) {
                    throw refusal;
                }
                sleeper.sleep(wait);
            }
        }
    }

    static DeliveryException refusal(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException request
                && request.getErrorCode() != null
                && request.getErrorCode() > 0) {
            int code = request.getErrorCode();
            String what = "Telegram " + code + ": " + request.getApiResponse();
            if (code == 429) {
                Integer seconds = request.getParameters() == null
                        ? null
                        : request.getParameters().getRetryAfter();
                return new DeliveryException(what, false, seconds == null ? null : Duration.ofSeconds(seconds), e);
            }
            // 400 (chat not found, message refused) and 403 (bot blocked, user deactivated): retrying cannot help.
            boolean permanent = code == 400 || code == 403;
            return new DeliveryException(what, permanent, e);
        }
        return new DeliveryException("Telegram unreachable: " + e.getMessage(), false, e);
    }
}
