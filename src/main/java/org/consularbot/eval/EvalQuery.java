package org.consularbot.eval;

import java.util.List;
import java.util.Locale;

/**
 * One labelled message: what a citizen wrote, what should answer it (a topic id, an entry id, several joined by
 * {@code |} for a letter with several questions, {@code NONE} when no FAQ fits, {@code chitchat} for small talk,
 * {@code decline} for what the embassy does not handle), its kind (vi, vi-nd, en, urgent, ...) for the per-kind
 * figures, whether the writer is in danger now ({@code urgent}) and in which {@code situation}, the class of small
 * talk or decline ({@code label}), and the citizen's {@code previous} message, if the message follows one.
 */
public record EvalQuery(
        String question,
        String expected,
        String kind,
        int line,
        boolean urgent,
        String situation,
        String label,
        String previous) {

    public static final String NONE = "NONE";
    public static final String CHITCHAT = "chitchat";
    public static final String DECLINE = "decline";

    /** A message with no urgency column: urgent when its kind says so (older sets). */
    public EvalQuery(String question, String expected, String kind, int line) {
        this(question, expected, kind, line, Figures.URGENT_KIND.equals(kind), null, null, null);
    }

    /** No FAQ entry should be shown: out of scope, small talk or a decline. */
    public boolean expectsNone() {
        return NONE.equalsIgnoreCase(expected) || expectsChitchat() || expectsDecline();
    }

    public boolean expectsChitchat() {
        return CHITCHAT.equals(expected.toLowerCase(Locale.ROOT));
    }

    public boolean expectsDecline() {
        return DECLINE.equals(expected.toLowerCase(Locale.ROOT));
    }

    /** The topics or entries any of which is right to show first. */
    public List<String> expectedTopics() {
        return List.of(expected.split("\\|"));
    }
}
