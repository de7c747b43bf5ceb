package org.consularbot.faq;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The production matcher. Retrieval and confidence are the {@link EntryIndex}'s; {@link TierPolicy} turns the
 * candidates into a tier. Emergencies are decided first: by the phrases of {@code urgent.yaml}, with the corpus's
 * learned {@linkplain MessageClassifier reading} adding what they miss ({@link ReadingPolicy}); the same reading adds
 * small talk and declines the phrase lists do not know, and weighs candidates by their topic.
 */
final class VietnameseFaqMatcher implements FaqMatcher {

    private static final int CANDIDATES = 10;
    /** A follow-up's second topic is offered beside the first when at least this likely relative to it. */
    private static final double RUNNER_UP_SHARE = 0.5;
    /** How much of a follow-up its own words must explain, on their own, to be read with the message before. */
    private static final double FOLLOW_UP_EVIDENCE = 0.1;
    /**
     * In an emergency, a follow-up asks a question of its own when the learned reading gives one topic at least this
     * likely from its words alone ("chi phí đưa về thì ai chịu?" 0.69 after a death); "giờ em phải làm gì?" reads
     * 0.09 and stays in the emergency. On the follow-up tuning sets (stop 29), false emergencies 0.046 → 0.021
     * (tune13) and 0.053 → 0.030 (tune14), urgent follow-ups all still urgent.
     */
    private static final double OWN_QUESTION = 0.5;
    /**
     * A decline phrase gives way only to an entry the FAQ would answer outright and that explains the message at
     * least this well ("visa" may be Viet Nam's own); a mere suggestion never outweighs it.
     */
    private static final double DECLINE_BELOW = 0.4;
    /**
     * From this {@linkplain AnswerGate certainty} of the top entry's topic, a decline phrase gives way to it. Chosen
     * by cross-validation on the examples (stop 18): from 0.85, shown-right rose 0.840 to 0.857 while declines fell
     * 0.759 to 0.754; from 0.7, 0.860 and 0.748.
     */
    private static final double DECLINE_GIVES_WAY = 0.85;

    private final Corpus corpus;
    private final TierPolicy policy;
    private final TextNormalizer normalizer;
    private final LanguageDetector languages;
    private final EmergencyTriage triage;
    private final SmallTalk smallTalk;
    private final MessageClassifier classifier;
    private final ReadingPolicy reading;
    private final EntryIndex index;
    private final FollowUpChooser followUps;

    VietnameseFaqMatcher(Corpus corpus, TierPolicy policy, Clock clock) {
        this.corpus = corpus;
        this.policy = policy;
        this.normalizer = new TextNormalizer(corpus.synonyms());
        this.classifier = corpus.classifier();
        this.reading = ReadingPolicy.DEFAULT;
        this.languages = new LanguageDetector(corpus, normalizer);
        this.triage = new EmergencyTriage(corpus, normalizer, clock);
        this.smallTalk = new SmallTalk(corpus.smallTalk(), DECLINE_BELOW);
        this.index = new EntryIndex(corpus, normalizer);
        this.followUps = new FollowUpChooser(corpus);
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public MatchResult match(String message) {
        return weigh(message).result();
    }

    private WeighedMessage weigh(String message) {
        NormalizedText text = normalizer.normalize(message);
        Language language = languages.detect(text);
        MessageClassifier.Reading read = classifier.read(text, message);
        // Its words say it is no such decline (a visa for coming to Viet Nam): an ordinary question, then.
        MessageClassifier.Reading learned =
                smallTalk.rulesOut(read.declineClass(), text.tokens()) ? read.withoutDecline() : read;
        Optional<Emergency> emergency = reading.emergency(triage.assess(message), learned, triage);
        Map<String, Double> topics = learned.topics();
        List<Candidate> pool = text.meaningful().isEmpty() ? List.of() : index.retrieve(text);
        List<Candidate> plain = pool.subList(0, Math.min(CANDIDATES, pool.size()));
        List<Candidate> ranked = topics.isEmpty() ? plain : weighed(pool, topics);
        if (emergency.isPresent() && emergency.get().sure()) {
            return new WeighedMessage(
                    new MatchResult(Tier.EMERGENCY, language, emergencyFirst(ranked, emergency.get()), emergency),
                    topics,
                    text.meaningful().size());
        }
        Tier plainTier = policy.tier(plain);
        Tier byConfidence = policy.tier(ranked);
        Tier tier = reading.tier(plainTier, plain, byConfidence, ranked, topics, learned);
        double certainty = Double.NaN;
        double[] signals = new double[0];
        if (!topics.isEmpty() && !ranked.isEmpty()) {
            // With a learned reading, the gate alone decides what is answered outright; the thresholds' tier stays
            // for the rest (a suggestion or nothing).
            signals = AnswerGate.features(
                    ranked,
                    topics,
                    learned,
                    plainTier,
                    byConfidence,
                    text.meaningful().size());
            certainty = AnswerGate.probability(signals);
            tier = AnswerGate.answers(certainty) ? Tier.ANSWER : tier == Tier.ANSWER ? Tier.SUGGEST : tier;
        }
        // A decline phrase outweighs an entry the FAQ would not answer outright with, unless the gate is nearly sure
        // of that entry's topic ("criminal record for my permanent residence application" is not a host matter).
        double top = certainty >= DECLINE_GIVES_WAY
                ? 1
                : ranked.isEmpty() || tier != Tier.ANSWER ? 0 : ranked.get(0).confidence();
        Optional<SmallTalk.Verdict> talk = smallTalk
                .classify(message == null ? "" : message, text.tokens(), top, learned.declineClass())
                .or(() -> reading.talk(learned, top, DECLINE_BELOW));
        MatchResult result = talk.isPresent()
                ? new MatchResult(
                        talk.get().tier(),
                        language,
                        ranked,
                        emergency,
                        Optional.of(talk.get().reason()),
                        certainty,
                        boxed(signals))
                // Unsure: the FAQ answers, and the reply puts the hotline on top with a way to say "I am in danger".
                : new MatchResult(tier, language, ranked, emergency, Optional.empty(), certainty, boxed(signals));
        return new WeighedMessage(result, topics, text.meaningful().size());
    }

    /**
     * A short follow-up ("còn phí thì sao?") is matched together with the message before it, unless it stands on its
     * own: a sure emergency, small talk or an outright answer are decided on the message alone. A follow-up to a
     * sure emergency stays in it (unless it is answered outright or small talk), even one read alone as a decline;
     * one that asks a question of its own is answered with the hotline on top. Otherwise the previous message cannot
     * raise an emergency. A decline stands only if the context does not make it a consular
     * question. Which topic it asks about is the {@link FollowUpChooser}'s: when not the one both messages together
     * rank first, and their first entry is not among the follow-up's own best too, that topic's entries lead and the
     * context's entry is still offered.
     */
    @Override
    public MatchResult match(String message, String previous) {
        WeighedMessage weighedAlone = weigh(message);
        MatchResult alone = weighedAlone.result();
        // A follow-up must say something the corpus knows ("phí"): words it never uses are no follow-up to anything.
        boolean saysSomething =
                alone.top().map(c -> c.confidence() >= FOLLOW_UP_EVIDENCE).orElse(false);
        // A decline is read again with the message before ("what's the address?" after a question about a consulate);
        // one the context does not turn into a consular question stays. An unsure emergency keeps its danger button.
        boolean open = alone.tier() == Tier.SUGGEST || alone.tier() == Tier.FALLBACK || alone.tier() == Tier.DECLINE;
        boolean sureEmergency = alone.emergency().map(Emergency::sure).orElse(false);
        if (previous == null || previous.isBlank() || !open || sureEmergency) {
            return alone;
        }
        WeighedMessage weighedBefore = weigh(previous);
        MatchResult before = weighedBefore.result();
        // A decline too: "giúp em với, em không biết làm sao" after a death read alone as off-topic.
        boolean stillInEmergency = before.emergency().map(Emergency::sure).orElse(false);
        if (!stillInEmergency && !saysSomething) {
            return alone;
        }
        WeighedMessage weighedTogether = weigh(previous + "\n" + message);
        MatchResult together = weighedTogether.result();
        // A question of its own in an emergency ("chi phí đưa về thì ai chịu ạ?" after a death) is answered, the
        // hotline and the danger button kept on top; words of no question of their own stay in the emergency.
        boolean ownQuestionInEmergency = stillInEmergency
                && together.tier() == Tier.EMERGENCY
                && alone.emergency().isEmpty()
                && alone.tier() != Tier.DECLINE
                && weighedAlone.topics().values().stream().anyMatch(p -> p >= OWN_QUESTION);
        if (stillInEmergency && together.tier() == Tier.EMERGENCY && !ownQuestionInEmergency) {
            // "giờ em phải làm gì?" after "bố em vừa mất ở bệnh viện": the citizen is still in the emergency the
            // message before declared, so the reply stays the emergency's first steps, read with both messages.
            return together;
        }
        if (!saysSomething) {
            return alone;
        }
        if ((together.tier() == Tier.EMERGENCY && !ownQuestionInEmergency)
                || together.tier() == Tier.CHITCHAT
                || together.tier() == Tier.DECLINE
                || together.ranked().isEmpty()) {
            return alone;
        }
        List<FollowUpOption> options = followUps.options(weighedAlone, weighedBefore, weighedTogether);
        Optional<Emergency> carried = ownQuestionInEmergency
                ? before.emergency().map(e -> new Emergency(e.situation(), e.topic(), e.entry(), e.evidence(), false))
                : alone.emergency();
        Candidate contextual = together.ranked().get(0);
        String asked = options.get(0).topic();
        if (!contextual.entry().topic().equals(asked) && !explains(contextual, alone.ranked())) {
            List<Candidate> ranked =
                    withContextOffered(askedFirst(asked, together.ranked(), alone.ranked()), contextual);
            // What the gate weighed was the context's entry: the asked topic's is offered, not answered outright.
            Tier tier = together.tier() == Tier.ANSWER || ownQuestionInEmergency ? Tier.SUGGEST : together.tier();
            return new MatchResult(
                    tier, alone.language(), ranked, carried, Optional.empty(), Double.NaN, List.of(), options);
        }
        // Answered outright only when the chooser is as sure of the topic as the gate is of the entry.
        Tier tier = ownQuestionInEmergency
                        || together.tier() == Tier.ANSWER && options.get(0).probability() < FollowUpChooser.ANSWERS_FROM
                ? Tier.SUGGEST
                : together.tier();
        List<Candidate> ranked = tier == Tier.SUGGEST
                ? withRunnerUpOffered(together.ranked(), options, alone.ranked())
                : together.ranked();
        return new MatchResult(
                tier,
                alone.language(),
                ranked,
                carried,
                Optional.empty(),
                together.certainty(),
                together.answerSignals(),
                options);
    }

    /**
     * Whether the entry the context points to is also among the best for the follow-up's own words: "how much does it
     * cost?" after a birth question is the birth's own fee entry, whichever topic the chooser names.
     */
    private static boolean explains(Candidate contextual, List<Candidate> alone) {
        return alone.stream()
                .limit(MatchResult.MAX_SUGGESTIONS)
                .anyMatch(c -> c.entry().id().equals(contextual.entry().id()));
    }

    /** The asked topic's entries first, in the order the context gives them (the passport's fee before other fees). */
    private static List<Candidate> askedFirst(String asked, List<Candidate> together, List<Candidate> alone) {
        List<Candidate> first = new ArrayList<>();
        together.stream().filter(c -> c.entry().topic().equals(asked)).forEach(first::add);
        if (first.isEmpty()) {
            alone.stream()
                    .filter(c -> c.entry().topic().equals(asked))
                    .limit(MatchResult.MAX_SUGGESTIONS)
                    .forEach(first::add);
        }
        List<Candidate> ranked = new ArrayList<>(first);
        together.stream().filter(c -> !first.contains(c)).forEach(ranked::add);
        return ranked.subList(0, Math.min(CANDIDATES, ranked.size()));
    }

    /**
     * The context's entry stays among the suggestions, second, when the follow-up's own topic leads: "thế con tôi 2
     * tuổi có làm được không" after a question about a visa exemption may ask for the child's passport or for the
     * child's exemption, and the citizen sees both.
     */
    private static List<Candidate> withContextOffered(List<Candidate> ranked, Candidate contextual) {
        if (ranked.indexOf(contextual) < MatchResult.MAX_SUGGESTIONS) { // already offered (or not ranked at all)
            return ranked;
        }
        List<Candidate> offered = new ArrayList<>(ranked);
        offered.remove(contextual);
        offered.add(1, contextual);
        return offered;
    }

    /**
     * When the chooser is torn between two topics, the runner-up's best entry is offered third: "can I pay online?"
     * after a question on a certificate's cost may ask how to pay any fee (0.31) or about the certificate (0.34), and
     * the citizen sees both instead of three entries on the certificate.
     */
    static List<Candidate> withRunnerUpOffered(
            List<Candidate> ranked, List<FollowUpOption> options, List<Candidate> alone) {
        if (options.size() < 2
                || options.get(1).probability()
                        < RUNNER_UP_SHARE * options.get(0).probability()) {
            return ranked;
        }
        String runnerUp = options.get(1).topic();
        if (ranked.stream()
                .limit(MatchResult.MAX_SUGGESTIONS)
                .anyMatch(c -> c.entry().topic().equals(runnerUp))) {
            return ranked;
        }
        Optional<Candidate> best = ranked.stream()
                .filter(c -> c.entry().topic().equals(runnerUp))
                .findFirst()
                .or(() -> alone.stream()
                        .filter(c -> c.entry().topic().equals(runnerUp))
                        .findFirst());
        if (best.isEmpty() || ranked.size() < MatchResult.MAX_SUGGESTIONS) {
            return ranked;
        }
        List<Candidate> offered = new ArrayList<>(ranked);
        offered.remove(best.get());
        offered.add(MatchResult.MAX_SUGGESTIONS - 1, best.get());
        return offered;
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** Puts the entry with this emergency's first steps first; the rest keep their order. */
    private List<Candidate> emergencyFirst(List<Candidate> ranked, Emergency emergency) {
        List<Candidate> first = new ArrayList<>();
        if (emergency.entry() != null) {
            ranked.stream()
                    .filter(c -> c.entry().id().equals(emergency.entry()))
                    .findFirst()
                    .ifPresentOrElse(
                            first::add,
                            () -> corpus.entry(emergency.entry()).ifPresent(e -> first.add(new Candidate(e, 0, 0))));
        }
        ranked.stream().filter(c -> !first.contains(c)).forEach(first::add);
        return first;
    }

    /** The pool re-ordered by how likely each candidate's topic is. */
    private List<Candidate> weighed(List<Candidate> pool, Map<String, Double> topics) {
        List<Candidate> weighed = new ArrayList<>(pool.size());
        pool.forEach(c -> weighed.add(new Candidate(c.entry(), reading.weigh(c, topics), c.confidence())));
        weighed.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return weighed.subList(0, Math.min(CANDIDATES, weighed.size()));
    }
}
