package org.consularbot.conversation;

/** The conversation store could not do its work (database down, disk full). Retriable: nothing was half-written. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
