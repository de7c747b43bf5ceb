package org.consularbot.advisory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A consular advisory as staff write it: bilingual title and body, a level, where it is for, whether it asks "are
 * you safe?", an optional expiry, and its four-eyes history (drafted by one officer, approved by a supervisor who is
 * someone else, or cancelled). Sending is the next slice: an approved advisory waits for it.
 */
public record Advisory(
        long id,
        Level level,
        Text vi,
        Text en,
        List<Target> targets,
        boolean checkIn,
        Optional<Instant> expiresAt,
        State state,
        String draftedBy,
        Instant draftedAt,
        Optional<Decision> approved,
        Optional<Decision> cancelled) {

    public Advisory {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(vi, "vi");
        Objects.requireNonNull(en, "en");
        targets = List.copyOf(targets);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(draftedBy, "draftedBy");
        Objects.requireNonNull(draftedAt, "draftedAt");
        Objects.requireNonNull(approved, "approved");
        Objects.requireNonNull(cancelled, "cancelled");
    }

    /** How serious: it decides the wording and, later, the order of sending. */
    public enum Level {
        INFORMATION,
        CAUTION,
        DANGER;

        public String code() {
            return Codes.of(this);
        }

        /** @throws IllegalArgumentException naming the allowed levels */
        public static Level fromCode(String code) {
            return Codes.parse(Level.class, code)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "the level must be information, caution or danger, not '" + code + "'"));
        }
    }

    /** Where an advisory stands: drafted, approved (waiting to be sent), or cancelled. */
    public enum State {
        DRAFT,
        APPROVED,
        CANCELLED;

        public String code() {
            return Codes.of(this);
        }

        public static State fromCode(String code) {
            return Codes.parse(State.class, code).orElseThrow();
        }
    }

    /** Title and body in one language. */
    public record Text(String title, String body) {
        public Text {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(body, "body");
        }
    }

    /** Who approved (or cancelled) it, and when. */
    public record Decision(String by, Instant at) {}

    /** A new draft, its id given by the store. */
    public static Advisory draft(
            Level level,
            Text vi,
            Text en,
            List<Target> targets,
            boolean checkIn,
            Optional<Instant> expiresAt,
            String by,
            Instant at) {
        return new Advisory(
                0, level, vi, en, targets, checkIn, expiresAt, State.DRAFT, by, at, Optional.empty(), Optional.empty());
    }

    /** The same advisory with its id, as stored. */
    public Advisory withId(long newId) {
        return new Advisory(
                newId, level, vi, en, targets, checkIn, expiresAt, state, draftedBy, draftedAt, approved, cancelled);
    }

    Advisory approvedBy(String by, Instant at) {
        return new Advisory(
                id,
                level,
                vi,
                en,
                targets,
                checkIn,
                expiresAt,
                State.APPROVED,
                draftedBy,
                draftedAt,
                Optional.of(new Decision(by, at)),
                cancelled);
    }

    Advisory cancelledBy(String by, Instant at) {
        return new Advisory(
                id,
                level,
                vi,
                en,
                targets,
                checkIn,
                expiresAt,
                State.CANCELLED,
                draftedBy,
                draftedAt,
                approved,
                Optional.of(new Decision(by, at)));
    }

    public boolean expired(Instant now) {
        return expiresAt.map(e -> !e.isAfter(now)).orElse(false);
    }
}
