package org.consularbot.conversation;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a conversation's append-only log: who did what, when and why. Messages and replies are logged
 * by reference (their content lives in the message and outbox tables, so retention can delete content and
 * keep the log's shape); state changes carry both states and the trigger.
 */
public record ConversationEvent(
        Instant at,
        Actor actor,
        Type type,
        Optional<ConversationState> from,
        Optional<ConversationState> to,
        String detail) {

    /** The kinds of events. */
    public enum Type {
        MESSAGE_RECEIVED,
        REPLY_QUEUED,
        STATE_CHANGED,
        LANGUAGE_SET,
        FEEDBACK,
        ESCALATION,
        RATE_LIMITED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Type fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public ConversationEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        detail = detail == null ? "" : detail;
    }

    public static ConversationEvent of(Instant at, Actor actor, Type type, String detail) {
        return new ConversationEvent(at, actor, type, Optional.empty(), Optional.empty(), detail);
    }

    public static ConversationEvent stateChanged(
            Instant at, Actor actor, ConversationState from, ConversationState to, Trigger trigger) {
        return new ConversationEvent(at, actor, Type.STATE_CHANGED, Optional.of(from), Optional.of(to), trigger.code());
    }
}
