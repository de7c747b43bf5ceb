package org.consularbot.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages for the officers' channel, stored before they are sent (like citizens' replies), so a crash or a
 * channel outage loses no card and no relayed message. The channel drains it and records its own message id, so
 * an officer replying to a relayed message reaches the right ticket.
 */
public interface OfficerOutbox {

    void enqueue(Optional<Long> ticketId, OfficerMessage.Kind kind, String text, List<String> mention, Instant now);

    /** Unsent messages, oldest first. */
    List<OfficerMessage> unsent(int limit);

    void markSent(long id, String channelMessageId, Instant at);

    void markFailed(long id);

    /** The ticket a message sent to the officers' channel belongs to. */
    Optional<Long> ticketOfChannelMessage(String channelMessageId);
}
