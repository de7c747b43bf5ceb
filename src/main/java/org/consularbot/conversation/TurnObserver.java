package org.consularbot.conversation;

/**
 * What the turn processor reports for monitoring: each turn answered (its channel, outcome and how long it took)
 * and each reply delivered or not. The metrics adapter counts them; the default does nothing.
 */
public interface TurnObserver {

    void turnAnswered(String channel, TurnOutcome outcome, long nanos);

    void replyDelivered(String channel, boolean delivered);

    /** Tells both, {@code first} first: the metrics and the officers' console watch the same turns. */
    static TurnObserver both(TurnObserver first, TurnObserver second) {
        return new TurnObserver() {
            @Override
            public void turnAnswered(String channel, TurnOutcome outcome, long nanos) {
                first.turnAnswered(channel, outcome, nanos);
                second.turnAnswered(channel, outcome, nanos);
            }

            @Override
            public void replyDelivered(String channel, boolean delivered) {
                first.replyDelivered(channel, delivered);
                second.replyDelivered(channel, delivered);
            }
        };
    }

    /** Runs {@code action} after each turn, whatever its outcome; deliveries are not its business. */
    static TurnObserver afterEachTurn(Runnable action) {
        return new TurnObserver() {
            @Override
            public void turnAnswered(String channel, TurnOutcome outcome, long nanos) {
                action.run();
            }

            @Override
            public void replyDelivered(String channel, boolean delivered) {
                // a reply sent changes no ticket
            }
        };
    }

    /** Nobody watching. */
    TurnObserver NONE = new TurnObserver() {
        @Override
        public void turnAnswered(String channel, TurnOutcome outcome, long nanos) {}

        @Override
        public void replyDelivered(String channel, boolean delivered) {}
    };
}
