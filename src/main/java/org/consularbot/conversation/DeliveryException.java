package org.consularbot.conversation;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel did not take a reply. Permanent when retrying cannot help (the citizen blocked the bot); a channel
 * that says how long to wait (Telegram's 429 {@code retry_after}) gives that wait.
 */
public final class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean permanent;
    private final transient Duration retryAfter;
    private final boolean held;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        this(message, permanent, null, cause);
    }

    public DeliveryException(String message, boolean permanent, Duration retryAfter, Throwable cause) {
        this(message, permanent, retryAfter, false, cause);
    }

    private DeliveryException(String message, boolean permanent, Duration retryAfter, boolean held, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
        this.held = held;
    }

    /**
     * The channel may not send now and will when the citizen writes again (Zalo's reply window): the reply waits
     * without using up attempts, however long that takes.
     */
    public static DeliveryException held(String message, Duration lookAgainAfter) {
        return new DeliveryException(message, false, lookAgainAfter, true, null);
    }

    public boolean held() {
        return held;
    }

    public boolean permanent() {
        return permanent;
    }

    /** How long the channel asked us to wait before the next attempt, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
