package org.consularbot.faq;

import java.util.List;
import java.util.Optional;

/**
 * The matcher's verdict on one message: the tier, the language to answer in, the ranked candidates, an emergency
 * (sure, or unsure beside an answer), and for small talk or a decline its class ({@code reason}).
 */
public record MatchResult(Tier tier, Language language, List<Candidate> ranked, Optional<Emergency> emergency,
                          Optional<String> reason) {

    /** How many "did you mean" choices a suggestion offers at most. */
    public static final int MAX_SUGGESTIONS = 3;

    public MatchResult {
        ranked = List.copyOf(ranked);
    }

    public MatchResult(Tier tier, Language language, List<Candidate> ranked, Optional<Emergency> emergency) {
        this(tier, language, ranked, emergency, Optional.empty());
    }

    public Optional<Candidate> top() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /** The choices to offer with {@link Tier#SUGGEST}. */
    public List<Candidate> suggestions() {
        return ranked.subList(0, Math.min(MAX_SUGGESTIONS, ranked.size()));
    }
}
