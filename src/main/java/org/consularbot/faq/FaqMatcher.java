package org.consularbot.faq;

/** Finds the FAQ entries that answer a citizen's message and decides the {@link Tier}. Thread-safe. */
public interface FaqMatcher {

    MatchResult match(String message);

    /**
     * Matches a message that follows {@code previous} in the same conversation ("còn phí thì sao?" after a passport
     * question). Matchers that keep no context judge the message alone.
     */
    default MatchResult match(String message, String previous) {
        return match(message);
    }

    /** A short name for reports ("default", "bm25"). */
    String name();
}
