package org.consularbot.conversation;

/**
 * An inbound message once stored, with its conversation as it stood then.
 *
 * @param duplicate the message had been stored before (a redelivery)
 * @param handled the message has been answered already; a duplicate that was never answered (the process
 *                stopped in between) is answered now
 */
public record StoredInbound(
        long id, Conversation conversation, InboundMessage message, boolean duplicate, boolean handled) {}
