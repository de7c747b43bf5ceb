package org.consularbot.conversation;

import java.util.Locale;
import java.util.Objects;

/**
 * What became of one turn: kept with the citizen's message ({@code inbound_messages.outcome}), tagged on the
 * metrics and counted by the reports. Typed so that no package compares outcomes as strings; {@link #code()} is the
 * stored form, stable across versions so that reports read old rows, and {@link #parse} reads it back.
 *
 * @param detail what names the outcome further: the command ({@code start}), the small-talk or decline class;
 *               empty for the rest
 */
public record TurnOutcome(Kind kind, String detail) {

    /** The kinds of outcome. */
    public enum Kind {
        /** The turn decided nothing (a stale choice, a turn with no reply). */
        NONE,
        ANSWER,
        SUGGESTION,
        FALLBACK,
        EMERGENCY,
        /** A numbered choice picked: the entry was answered. */
        CHOICE,
        CHOICE_INVALID,
        FEEDBACK,
        SMALL_TALK,
        DECLINE,
        /** Passed on to the officer who holds the conversation. */
        RELAYED,
        COMMAND,
        HUMAN_REQUESTED,
        NOT_TEXT,
        EMPTY,
        NO_WORDS,
        RATE_LIMITED,
        ERROR,
        /** The message had been handled before (a channel delivered it twice). */
        DUPLICATE,
        /** A turn an officer started (release, close, a reply through the bot). */
        OFFICER;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The citizen was given an FAQ entry (an answer, or the entry they picked). */
        public boolean answered() {
            return this == ANSWER || this == CHOICE;
        }
    }

    public static final TurnOutcome NONE = of(Kind.NONE);

    public TurnOutcome {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static TurnOutcome of(Kind kind) {
        return new TurnOutcome(kind, "");
    }

    public static TurnOutcome command(String name) {
        return new TurnOutcome(Kind.COMMAND, name.toLowerCase(Locale.ROOT));
    }

    public boolean is(Kind other) {
        return kind == other;
    }

    /** The stored form: {@code answer}, {@code command-start}, {@code decline:host-authority}. */
    public String code() {
        if (detail.isEmpty()) {
            return kind.code();
        }
        return kind == Kind.COMMAND ? kind.code() + "-" + detail : kind.code() + ":" + detail;
    }

    /** Reads a stored code back; one this version does not know (or none) reads as {@link Kind#NONE}. */
    public static TurnOutcome parse(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        String commandPrefix = Kind.COMMAND.code() + "-";
        if (code.startsWith(commandPrefix)) {
            return command(code.substring(commandPrefix.length()));
        }
        int colon = code.indexOf(':');
        String kindCode = colon < 0 ? code : code.substring(0, colon);
        String detail = colon < 0 ? "" : code.substring(colon + 1);
        for (Kind kind : Kind.values()) {
            if (kind.code().equals(kindCode)) {
                return new TurnOutcome(kind, detail);
            }
        }
        return NONE;
    }

    @Override
    public String toString() {
        return code();
    }
}
