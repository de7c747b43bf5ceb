package org.consularbot.eval;

/**
 * One labelled message: what a citizen wrote, what should answer it (a topic id, an entry id, or
 * {@code NONE} when no FAQ fits), and its kind (vi, vi-nd, en, urgent, ...) for the per-kind figures.
 */
public record EvalQuery(String question, String expected, String kind, int line) {

    public static final String NONE = "NONE";

    public boolean expectsNone() {
        return NONE.equals(expected);
    }
}
