package org.consularbot.channel.telegram;

import java.util.Optional;
import org.consularbot.conversation.InboundMessage;

/** What one Telegram update means for the bot. */
sealed interface Incoming {

    /** A citizen's message or button press in a private chat: a turn for the conversation core. */
    record Turn(InboundMessage message, long chatId, Optional<String> callbackQueryId) implements Incoming {}

    /** A command addressed to the bot in a group: it is told, once per command, to write privately. */
    record GroupCommand(long chatId) implements Incoming {}

    /**
     * Something an officer did in the officers' group: a message (a command, or a reply to a card or relayed
     * message) or a button press on a card.
     */
    record OfficerAction(
            String userId,
            String text,
            Optional<String> repliedTo,
            Optional<String> callbackQueryId,
            Optional<String> messageId)
            implements Incoming {}

    /** Nothing to do (another kind of update, a plain group message, a channel post); why, for the log. */
    record Ignored(String why) implements Incoming {}
}
