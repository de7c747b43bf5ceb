package org.consularbot.faq;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the learned {@linkplain MessageClassifier reading} joins the phrase rules. The rules stay first (a sure
 * phrase is never overruled); the reading adds what they missed: an emergency no phrase named, a rule's "maybe"
 * confirmed, small talk or an out-of-scope request in words the lists lack. Thresholds are probabilities, chosen by
 * cross-validation on the examples (never on the blind set).
 *
 * @param sureEmergency   an emergency the rules did not see is sure from this probability
 * @param unsureEmergency from this one the FAQ still answers, with the hotline on top and the danger button
 * @param confirms        a rule's unsure emergency becomes sure from this probability
 * @param chitchat        small talk from this probability, when no entry answers outright
 * @param decline         a decline from this probability, when no entry explains the message well
 * @param topicWeight     each candidate's score is multiplied by {@code 1 + topicWeight × P(its topic)}
 * @param answerTopic     a suggestion is answered outright when its topic has this probability, and so has "an
 *                        ordinary question" (the topics' probabilities always sum to 1, even for a football score) ...
 * @param answerExplains  ... and it explains at least this share of the message ...
 * @param answerAhead     ... and no other entry of its topic explains this fraction of what it explains: the
 *                        reading is sure of the topic, not of the entry ("hộ chiếu" alone still gets choices);
 *                        with a topic reading, an answer by confidence alone must be as far ahead too
 * @param suggestTopic    an entry that explains too little of the message to be offered by its words alone
 *                        (a long English letter: most of its words are in no question) is still suggested when
 *                        its topic and "an ordinary question" both have this probability ...
 * @param suggestExplains ... and it explains at least this share of the message
 * @param relabel         a phrase names an emergency's situation, but the reading, this sure of an emergency,
 *                        names another: the reading's is taken ("bị bắt cóc" is a kidnapping, not an arrest)
 */
record ReadingPolicy(
        double sureEmergency,
        double unsureEmergency,
        double confirms,
        double chitchat,
        double decline,
        double topicWeight,
        double answerTopic,
        double answerExplains,
        double answerAhead,
        double suggestTopic,
        double suggestExplains,
        double relabel) {

    /**
     * By 5-fold cross-validation on the examples ({@code eval --cross-validate}, docs/evaluation.md), stop 15:
     * suggesting by topic raised shown-right from 0.760 to 0.814 (English 0.632 to 0.797) and cost out-of-scope
     * messages given no entry 0.829 to 0.800; relabelling raised situations named right from 0.816 to 0.836; sure
     * emergencies from 0.50 (was 0.60) and declines from 0.40 (was 0.50) bought recall 0.949 to 0.955 and declines
     * 0.594 to 0.609 for false emergencies 0.041 to 0.043. Stop 18, with 760 more examples: declines from 0.30 (was
     * 0.40) raised declines named right 0.736 to 0.759 for shown-right 0.843 to 0.840; the hotline-and-button
     * middle level from 0.20 (was 0.40) warned 0.977 of urgent messages instead of 0.968, for 88 instead of 57 of
     * 3,972 ordinary ones given the hotline on top of their answer.
     */
    static final ReadingPolicy DEFAULT =
            new ReadingPolicy(0.50, 0.20, 0.20, 0.60, 0.30, 2.0, 0.90, 0.20, 0.90, 0.50, 0.05, 0.80);

    /** The candidate's score weighed by how likely its topic is. */
    double weigh(Candidate candidate, Map<String, Double> topics) {
        return candidate.score()
                * (1 + topicWeight * topics.getOrDefault(candidate.entry().topic(), 0.0));
    }

    /**
     * The tier once the topic reading has re-ordered the candidates. An answer on the plain order stands when the
     * same entry still comes first. Any other answer (a suggestion, or one the re-ordering made by pushing other
     * topics down) needs the reading sure of its topic and that it is an ordinary question ("where is the form to
     * renew my Canadian passport" is not), and its entry ahead of the others of its topic, which the topic reading
     * cannot tell apart ("hộ chiếu" alone). A fallback becomes a suggestion when the reading is fairly sure of the
     * top entry's topic and that this is an ordinary question.
     */
    Tier tier(
            Tier plainTier,
            List<Candidate> plain,
            Tier byConfidence,
            List<Candidate> ranked,
            Map<String, Double> topics,
            MessageClassifier.Reading reading) {
        if (ranked.isEmpty() || topics.isEmpty()) {
            return byConfidence;
        }
        Candidate top = ranked.get(0);
        if (plainTier == Tier.ANSWER && plain.get(0).entry().equals(top.entry())) {
            return Tier.ANSWER;
        }
        double question = 1 - reading.urgent() - reading.chitchat() - reading.decline();
        double topic = topics.getOrDefault(top.entry().topic(), 0.0);
        if (byConfidence == Tier.FALLBACK) {
            // The reading's likeliest topic, not merely a likely one: with no entry of the topic it reads (an entry
            // the corpus lacks), suggesting another topic's entries would be guessing.
            boolean likeliest = topics.values().stream().allMatch(p -> p <= topic);
            return question >= suggestTopic && topic >= suggestTopic && likeliest && top.confidence() >= suggestExplains
                    ? Tier.SUGGEST
                    : Tier.FALLBACK;
        }
        if (byConfidence != Tier.SUGGEST && byConfidence != Tier.ANSWER) {
            return byConfidence;
        }
        boolean aheadInItsTopic = ranked.stream()
                .skip(1)
                .filter(c -> c.entry().topic().equals(top.entry().topic()))
                .noneMatch(c -> c.confidence() >= answerAhead * top.confidence());
        boolean sure = question >= answerTopic
                && topic >= answerTopic
                && top.confidence() >= answerExplains
                && aheadInItsTopic;
        return sure ? Tier.ANSWER : Tier.SUGGEST;
    }

    /** The rules' finding, or the reading's when the rules found nothing or were unsure. */
    Optional<Emergency> emergency(
            Optional<Emergency> byRules, MessageClassifier.Reading reading, EmergencyTriage triage) {
        if (byRules.isPresent() && byRules.get().sure()) {
            boolean another = reading.situation() != null
                    && reading.urgent() >= relabel
                    && !reading.situation().equals(byRules.get().situation());
            return another
                    ? triage.learned(reading.situation(), byRules.get().evidence() + evidence(reading), true)
                            .or(() -> byRules)
                    : byRules;
        }
        if (byRules.isPresent() && reading.urgent() >= confirms) {
            Emergency e = byRules.get();
            return Optional.of(
                    new Emergency(e.situation(), e.topic(), e.entry(), e.evidence() + evidence(reading), true));
        }
        if (byRules.isEmpty() && reading.situation() != null && reading.urgent() >= unsureEmergency) {
            return triage.learned(reading.situation(), evidence(reading).strip(), reading.urgent() >= sureEmergency);
        }
        return byRules;
    }

    /** Small talk or a decline the rules did not recognise, when no entry explains the message well enough. */
    Optional<SmallTalk.Verdict> talk(MessageClassifier.Reading reading, double topConfidence, double declineBelow) {
        if (topConfidence >= declineBelow) {
            return Optional.empty();
        }
        if (reading.chitchatClass() != null
                && reading.chitchat() >= chitchat
                && reading.chitchat() >= reading.decline()) {
            return Optional.of(new SmallTalk.Verdict(Tier.CHITCHAT, reading.chitchatClass()));
        }
        if (reading.declineClass() != null && reading.decline() >= decline) {
            return Optional.of(new SmallTalk.Verdict(Tier.DECLINE, reading.declineClass()));
        }
        return Optional.empty();
    }

    private static String evidence(MessageClassifier.Reading reading) {
        return String.format(Locale.ROOT, " (learned %.2f)", reading.urgent());
    }
}
