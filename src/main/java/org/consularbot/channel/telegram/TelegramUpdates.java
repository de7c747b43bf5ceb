package org.consularbot.channel.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns Telegram updates into channel-neutral messages. Only private chats become conversations: a citizen's
 * questions are personal, and a group is no place for them. An edited message is a new message (the citizen
 * corrected the question); a button press keeps its callback id so the spinner can be stopped once it is stored.
 */
final class TelegramUpdates {

    static final String CHANNEL = "telegram";

    private final Clock clock;
    private final String botUsername;
    private final Optional<Long> officerChat;

    /**
     * @param botUsername without @; a group command addressed to another bot ({@code /help@other_bot}) is not ours
     * @param officerChat the officers' group, whose messages and button presses are officers' actions
     */
    TelegramUpdates(Clock clock, String botUsername, Optional<Long> officerChat) {
        this.clock = clock;
        this.botUsername = botUsername;
        this.officerChat = officerChat;
    }

    TelegramUpdates(Clock clock, String botUsername) {
        this(clock, botUsername, Optional.empty());
    }

    Incoming read(Update update) {
        if (update == null) {
            return new Incoming.Ignored("empty update");
        }
        if (update.hasCallbackQuery()) {
            return button(update.getCallbackQuery());
        }
        if (update.hasMessage()) {
            return message(update.getMessage(), false);
        }
        if (update.hasEditedMessage()) {
            return message(update.getEditedMessage(), true);
        }
        return new Incoming.Ignored("update " + update.getUpdateId() + " of a kind the bot does not handle");
    }

    private Incoming message(Message message, boolean edited) {
        if (message.getChat() == null || message.getFrom() == null || message.getMessageId() == null) {
            return new Incoming.Ignored("message without chat or sender");
        }
        if (officerChat.isPresent() && officerChat.get().equals(message.getChatId())) {
            if (edited
                    || !message.hasText()
                    || Boolean.TRUE.equals(message.getFrom().getIsBot())) {
                return new Incoming.Ignored("officers' group: not a text message from a person");
            }
            Optional<String> repliedTo =
                    Optional.ofNullable(message.getReplyToMessage()).map(r -> String.valueOf(r.getMessageId()));
            return new Incoming.OfficerAction(
                    String.valueOf(message.getFrom().getId()),
                    message.getText(),
                    repliedTo,
                    Optional.empty(),
                    Optional.of(String.valueOf(message.getMessageId())));
        }
        if (!message.isUserMessage()) {
            if ((message.isGroupMessage() || message.isSuperGroupMessage())
                    && message.hasText()
                    && isOurCommand(message.getText())) {
                return new Incoming.GroupCommand(message.getChatId());
            }
            return new Incoming.Ignored("message in a " + message.getChat().getType() + " chat");
        }
        if (Boolean.TRUE.equals(message.getFrom().getIsBot())) {
            return new Incoming.Ignored("message from a bot");
        }
        ContentKind kind = kind(message);
        String text = kind == ContentKind.TEXT ? message.getText() : message.getCaption();
        String id = edited
                ? message.getMessageId() + "-edit-" + message.getEditDate()
                : String.valueOf(message.getMessageId());
        InboundMessage inbound = new InboundMessage(
                key(message.getChatId()),
                String.valueOf(message.getFrom().getId()),
                id,
                kind,
                text,
                sent(edited ? message.getEditDate() : message.getDate()));
        return new Incoming.Turn(inbound, message.getChatId(), Optional.empty());
    }

    private Incoming button(CallbackQuery query) {
        MaybeInaccessibleMessage under = query.getMessage();
        if (under == null || under.getChatId() == null || query.getFrom() == null) {
            return new Incoming.Ignored("button press without its chat");
        }
        if (officerChat.isPresent() && officerChat.get().equals(under.getChatId())) {
            return new Incoming.OfficerAction(
                    String.valueOf(query.getFrom().getId()),
                    query.getData() == null ? "" : query.getData(),
                    Optional.empty(),
                    Optional.of(query.getId()),
                    Optional.empty());
        }
        if (under.getChatId() < 0) {
            return new Incoming.Ignored("button press in a group");
        }
        InboundMessage inbound = new InboundMessage(
                key(under.getChatId()),
                String.valueOf(query.getFrom().getId()),
                "button-" + query.getId(),
                ContentKind.BUTTON,
                query.getData(),
                clock.instant());
        return new Incoming.Turn(inbound, under.getChatId(), Optional.of(query.getId()));
    }

    private boolean isOurCommand(String text) {
        if (!text.startsWith("/")) {
            return false;
        }
        String command = text.split("\\s", 2)[0];
        int at = command.indexOf('@');
        return at < 0 || command.substring(at + 1).equalsIgnoreCase(botUsername);
    }

    static ConversationKey key(long chatId) {
        return new ConversationKey(CHANNEL, String.valueOf(chatId));
    }

    private static ContentKind kind(Message message) {
        if (message.hasText()) {
            return ContentKind.TEXT;
        } else if (message.hasPhoto()) {
            return ContentKind.PHOTO;
        } else if (message.hasVoice() || message.hasAudio()) {
            return ContentKind.VOICE;
        } else if (message.hasVideo() || message.hasVideoNote() || message.hasAnimation()) {
            return ContentKind.VIDEO;
        } else if (message.hasSticker()) {
            return ContentKind.STICKER;
        } else if (message.hasLocation() || message.getVenue() != null) {
            return ContentKind.LOCATION;
        } else if (message.hasDocument()) {
            return ContentKind.FILE;
        } else if (message.hasContact()) {
            return ContentKind.CONTACT;
        }
        return ContentKind.OTHER;
    }

    private Instant sent(Integer epochSeconds) {
        return epochSeconds == null ? clock.instant() : Instant.ofEpochSecond(epochSeconds);
    }
}
