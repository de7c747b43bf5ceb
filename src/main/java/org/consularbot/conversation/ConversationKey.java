package org.consularbot.conversation;

import java.util.Objects;

/**
 * Identifies one conversation: a chat on a channel ({@code telegram} + chat id, {@code zalo} + follower id,
 * {@code console} + session). One citizen on two channels is two conversations.
 */
public record ConversationKey(String channel, String chatId) {

    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chatId, "chatId");
        if (channel.isBlank() || chatId.isBlank()) {
            throw new IllegalArgumentException("channel and chat id must not be blank");
        }
    }

    @Override
    public String toString() {
        return channel + ":" + chatId;
    }
}
