package org.consularbot.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A message from a citizen, as any channel delivers it. {@code channelMessageId} need only be unique within
 * its chat; together with the chat it lets a redelivered message be recognised. For a button press the
 * kind is {@link ContentKind#BUTTON} and the text is the button's payload; for a photo, sticker and the like
 * the text is the caption, if any.
 *
 * <p>Text is kept as received except for NUL characters and unpaired surrogates, which no database stores;
 * they become U+FFFD so that every message can be stored.
 */
public record InboundMessage(
        ConversationKey conversation,
        String userId,
        String channelMessageId,
        ContentKind kind,
        String text,
        Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = storable(text == null ? "" : text);
        userId = userId == null || userId.isBlank() ? conversation.chatId() : userId;
    }

    /** A text message. */
    public static InboundMessage text(
            ConversationKey conversation, String userId, String channelMessageId, String text, Instant receivedAt) {
        return new InboundMessage(conversation, userId, channelMessageId, ContentKind.TEXT, text, receivedAt);
    }

    static String storable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c == '\0'
                    || Character.isHighSurrogate(c)
                            && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
