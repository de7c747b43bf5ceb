package org.consularbot.advisory;

/** A draft or a move staff asked for that the rules do not allow; the message says why, for the person at the desk. */
public final class AdvisoryRefused extends RuntimeException {

    public AdvisoryRefused(String message) {
        super(message);
    }
}
