package org.consularbot.conversation;

/** Another turn changed the conversation first; this turn's changes were not written. Retry the turn. */
public final class ConcurrentTurnException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ConcurrentTurnException(long conversationId) {
        super("conversation " + conversationId + " changed during the turn", null);
    }
}
