package org.consularbot.conversation;

/** A channel did not take a reply. Permanent when retrying cannot help (the citizen blocked the bot). */
public final class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
