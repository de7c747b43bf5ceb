package org.consularbot.conversation;

/**
 * What the turn processor reports for monitoring: each turn answered (its channel, outcome and how long it took)
 * and each reply delivered or not. The metrics adapter counts them; the default does nothing.
 */
public interface TurnObserver {

    void turnAnswered(String channel, TurnOutcome outcome, long nanos);

    void replyDelivered(String channel, boolean delivered);

    /** Nobody watching. */
    TurnObserver NONE = new TurnObserver() {
        @Override
        public void turnAnswered(String channel, TurnOutcome outcome, long nanos) {}

        @Override
        public void replyDelivered(String channel, boolean delivered) {}
    };
}
