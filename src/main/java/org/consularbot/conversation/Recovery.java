package org.consularbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a stopped process left: replies decided but not sent, and messages stored but never answered.
 * Run at start-up, and periodically for messages whose answer failed after the channel acknowledged them.
 */
public final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final ConversationStore store;
    private final ReplyDelivery delivery;
    private final TurnProcessor turns;
    private final Clock clock;

    public Recovery(ConversationStore store, ReplyDelivery delivery, TurnProcessor turns, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.turns = turns;
        this.clock = clock;
    }

    /**
     * Start-up recovery: first the replies already decided but not sent (whatever their backoff), then the
     * messages stored but never answered, oldest first.
     */
    public Report recover() {
        int resent = delivery.sendAllUnsent();
        int answered = 0;
        // Only what was waiting when this process started: what live instances accept meanwhile is theirs, or the
        // loop would chase a busy instance's queue and this one would never start.
        Instant started = clock.instant();
        int answeredInBatch;
        do {
            answeredInBatch = 0;
            for (StoredInbound stored : store.unanswered(ReplyDelivery.BATCH)) {
                // Another instance may be answering it right now: answerStored checks again under the lock.
                if (!stored.message().receivedAt().isAfter(started)
                        && !turns.answerStored(stored).duplicate()) {
                    answeredInBatch++;
                }
            }
            answered += answeredInBatch;
        } while (answeredInBatch > 0);
        if (resent + answered > 0) {
            log.info("recovery: {} unsent replies sent, {} unanswered messages answered", resent, answered);
        }
        return new Report(resent, answered);
    }

    /**
     * Answers messages stored at least {@code olderThan} ago and still unanswered: their answer failed after the
     * channel acknowledged them (a database blip, a bug). A running service calls this periodically, so such a
     * citizen is answered now rather than at the next restart. Returns how many were answered.
     */
    public int answerStale(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        int answered = 0;
        for (StoredInbound stored : store.unanswered(ReplyDelivery.BATCH)) {
            if (stored.message().receivedAt().isBefore(cutoff)
                    && !turns.answerStored(stored).duplicate()) {
                answered++;
            }
        }
        return answered;
    }

    /** What start-up recovery did. */
    public record Report(int repliesResent, int messagesAnswered) {}
}
