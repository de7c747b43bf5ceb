package org.consularbot.handoff;

import java.util.Objects;
import java.util.Optional;

/**
 * What an officer asks the desk to do, whatever they typed it in: each channel parses its own syntax into this.
 *
 * @param ticket the ticket, or empty for "the one I hold"
 * @param text   the reply or note; empty for the other actions
 */
public record DeskCommand(Action action, Optional<Long> ticket, String text) {

    /** The desk's actions. */
    public enum Action {
        QUEUE,
        TAKE,
        REPLY,
        TRANSCRIPT,
        NOTE,
        RELEASE,
        CLOSE
    }

    public DeskCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ticket, "ticket");
        text = text == null ? "" : text.strip();
    }
}
