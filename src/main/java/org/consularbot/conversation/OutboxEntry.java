package org.consularbot.conversation;

import java.time.Instant;

/** A reply stored before it is sent, so that a crash between deciding and sending loses nothing. */
public record OutboxEntry(
        long id, long conversationId, ConversationKey conversation, Reply reply, Instant createdAt, int attempts) {}
