package org.consularbot.conversation;

/**
 * One lock per conversation, held for the whole turn, so two messages of one citizen are answered one after
 * the other and in order. In-process by default; shared across instances when several run.
 */
public interface ConversationLocks {

    Held lock(ConversationKey key);

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
