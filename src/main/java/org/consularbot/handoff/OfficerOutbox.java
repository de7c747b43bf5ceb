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

    /** A message for officers and when it was stored. */
    record Posted(OfficerMessage message, Instant at) {}

    void enqueue(Optional<Long> ticketId, OfficerMessage.Kind kind, String text, List<String> mention, Instant now);

    /** Unsent messages, the urgent ones (urgent tickets' cards, alarms) first, each group oldest first. */
    List<OfficerMessage> unsent(int limit);

    /**
     * Messages with an id above {@code afterId}, sent or not, oldest first: what a console that follows the outbox
     * ({@link OfficerFeed}) has not shown yet.
     */
    List<OfficerMessage> after(long afterId, int limit);

    /**
     * The latest messages other than relays (cards, notices, alarms), newest first, sent or not: what the web console
     * lists beside the queue. Relays stay out: a citizen's words belong on their ticket's page.
     */
    List<Posted> latestNotRelayed(int limit);

    /** The id of the latest message other than a relay (0 when none): changes whenever {@link #latestNotRelayed} does. */
    long latestNotRelayedId();

    /** The id below which every message was delivered already: where a console that starts now begins. */
    long deliveredUpTo();

    /** Records the message as delivered; one delivered already keeps its first delivery. */
    void markSent(long id, String channelMessageId, Instant at);

    void markFailed(long id);

    /** The ticket a message sent to the officers' channel belongs to. */
    Optional<Long> ticketOfChannelMessage(String channelMessageId);
}
