package org.consularbot.faq;

import java.time.Clock;
import java.util.List;

/** Builds the matchers; their implementations stay package-private. */
public final class FaqMatchers {

    /** The names {@link #byName} knows, as the command line offers them. */
    public static final List<String> NAMES = List.of("default", "bm25");

    private FaqMatchers() {}

    /** The production matcher: Vietnamese-aware analysis, typo tolerance, calibrated tiers, emergencies first. */
    public static FaqMatcher vietnameseAware(Corpus corpus, TierPolicy policy) {
        return new VietnameseFaqMatcher(corpus, policy, Clock.systemUTC());
    }

    public static FaqMatcher vietnameseAware(Corpus corpus) {
        return vietnameseAware(corpus, TierPolicy.DEFAULT);
    }

    /** Plain Lucene BM25 with StandardAnalyzer over the same entries: the baseline for {@code eval} and {@code bench}. */
    public static FaqMatcher bm25Baseline(Corpus corpus) {
        return new Bm25BaselineMatcher(corpus);
    }

    /** By the names the command line uses. */
    public static FaqMatcher byName(String name, Corpus corpus) {
        return switch (name) {
            case "default" -> vietnameseAware(corpus);
            case "bm25" -> bm25Baseline(corpus);
            default -> throw new IllegalArgumentException("unknown matcher '" + name + "' (one of " + NAMES + ")");
        };
    }
}
