package org.consularbot.conversation;

import java.util.List;

/**
 * How a message was handled. A channel may acknowledge the message once it has a result: the message is stored
 * and its replies are queued (sent, or to be resent by the outbox).
 *
 * @param duplicate the message had been answered before; nothing was sent again
 * @param outcome   what the bot made of it ({@code answer}, {@code suggestion}, {@code emergency}, ...)
 */
public record TurnResult(
        long inboundId, long conversationId, boolean duplicate, TurnOutcome outcome, List<OutboxEntry> replies) {

    public TurnResult {
        replies = List.copyOf(replies);
    }
}
