package org.consularbot.conversation;

import java.util.function.IntFunction;

/**
 * One rule for a turn that lost a race: another turn of the same conversation (another instance) committed first,
 * so the turn is decided again from the conversation as it now stands, a few times at most.
 */
final class ConcurrentTurns {

    static final int MAX_ATTEMPTS = 3;

    private ConcurrentTurns() {}

    /**
     * Runs {@code attempt} (given its number, from 1) until it commits; each run after the first must read the
     * conversation afresh.
     */
    static <T> T retrying(IntFunction<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.apply(n);
            } catch (ConcurrentTurnException e) {
                if (n >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
