package org.consularbot.advisory;

import java.util.Objects;

/**
 * Who receives advisories: a chat on a channel, as the channel knows it ({@code telegram} + chat id, {@code zalo} +
 * follower id). Plain strings, so this package needs nothing from the conversation core; never written to logs.
 */
public record Subscriber(String channel, String chatId) {

    public Subscriber {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chatId, "chatId");
        if (channel.isBlank() || chatId.isBlank()) {
            throw new IllegalArgumentException("channel and chat id must not be blank");
        }
    }
}
