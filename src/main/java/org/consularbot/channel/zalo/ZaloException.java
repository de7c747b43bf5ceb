package org.consularbot.channel.zalo;

/** A Zalo call that did not work; {@code retriable} when trying later may help. */
public final class ZaloException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean retriable;

    public ZaloException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
