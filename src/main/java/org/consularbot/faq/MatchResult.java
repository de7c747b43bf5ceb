package org.consularbot.faq;

import java.util.List;
import java.util.Optional;

/**
 * The matcher's verdict on one message: the tier, the language to answer in, the ranked candidates, an emergency
 * (sure, or unsure beside an answer), and for small talk or a decline its class ({@code reason}). When the matcher
 * weighed answering outright, {@code certainty} is how likely it judged the top entry's topic right and
 * {@code answerSignals} what it read to judge so (kept for measuring and refitting); else NaN and empty. A follow-up
 * read with the message before it carries the topics weighed for it ({@code followUpOptions}, most likely first;
 * empty for any other message).
 */
public record MatchResult(
        Tier tier,
        Language language,
        List<Candidate> ranked,
        Optional<Emergency> emergency,
        Optional<String> reason,
        double certainty,
        List<Double> answerSignals,
        List<FollowUpOption> followUpOptions) {

    /** How many "did you mean" choices a suggestion offers at most. */
    public static final int MAX_SUGGESTIONS = 3;

    /** An answer offers at most this many other entries of its topic that fit nearly as well. */
    public static final int MAX_RELATED = 2;
    /** A same-topic entry explaining this share of what the answered one explains fits nearly as well. */
    static final double RELATED_SHARE = 0.9;

    public MatchResult {
        ranked = List.copyOf(ranked);
        answerSignals = List.copyOf(answerSignals);
        followUpOptions = List.copyOf(followUpOptions);
    }

    public MatchResult(
            Tier tier,
            Language language,
            List<Candidate> ranked,
            Optional<Emergency> emergency,
            Optional<String> reason,
            double certainty,
            List<Double> answerSignals) {
        this(tier, language, ranked, emergency, reason, certainty, answerSignals, List.of());
    }

    public MatchResult(
            Tier tier,
            Language language,
            List<Candidate> ranked,
            Optional<Emergency> emergency,
            Optional<String> reason) {
        this(tier, language, ranked, emergency, reason, Double.NaN, List.of());
    }

    public MatchResult(Tier tier, Language language, List<Candidate> ranked, Optional<Emergency> emergency) {
        this(tier, language, ranked, emergency, Optional.empty());
    }

    public Optional<Candidate> top() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /**
     * Other entries of the top entry's topic that explain nearly as much of the message: an answer offers them as
     * buttons, since the topic is sure but which of its entries the citizen meant may not be ("hộ chiếu hết hạn":
     * renewal or validity).
     */
    public List<Candidate> related() {
        if (ranked.isEmpty()) {
            return List.of();
        }
        Candidate top = ranked.get(0);
        return ranked.stream()
                .skip(1)
                .filter(c -> c.entry().topic().equals(top.entry().topic())
                        && c.confidence() >= RELATED_SHARE * top.confidence())
                .limit(MAX_RELATED)
                .toList();
    }

    /** The choices to offer with {@link Tier#SUGGEST}. */
    public List<Candidate> suggestions() {
        return ranked.subList(0, Math.min(MAX_SUGGESTIONS, ranked.size()));
    }
}
