package org.consularbot.conversation;

/** A channel's way out: delivers one reply to the chat it belongs to. */
public interface ReplySender {

    /**
     * Sends the reply. Returns only when the channel accepted it.
     *
     * @throws DeliveryException when it did not
     */
    void send(OutboxEntry entry) throws DeliveryException;
}
