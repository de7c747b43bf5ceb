package org.consularbot.faq;

/** Finds the FAQ entries that answer a citizen's message and decides the {@link Tier}. Thread-safe. */
public interface FaqMatcher {

    MatchResult match(String message);

    /** A short name for reports ("default", "bm25"). */
    String name();
}
