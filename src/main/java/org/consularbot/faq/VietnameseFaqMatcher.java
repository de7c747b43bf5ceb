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
    /** How much of a follow-up its own words must explain, on their own, to be read with the message before. */
    private static final double FOLLOW_UP_EVIDENCE = 0.1;
    /**
     * How likely the reading must find a follow-up's own topic for it to lead (chosen by cross-validation on the
     * follow-up examples: 0.1 to 0.3 showed 0.843–0.846 right, 0.5 0.821, 0.7 0.802 and missed "còn phí thì sao?").
     */
    private static final double FACET_TOPIC = 0.2;
    /**
     * A follow-up whose own words score at least this share of what the message before scored on its own asks a
     * question of its own ("còn hộ chiếu sắp hết hạn thì gia hạn được không?" after a question about wages): its
     * own topic leads, ordered by the context. Short ones ("mất bao lâu?") score far less and keep the context's.
     * Chosen on the 60 follow-ups of eval/tune5.tsv (stop 22): shown-right 0.700 without, 0.800 from 0.35 to 0.7,
     * 0.767 at 0.25 and 1.0; then checked on the 130 of eval/tune6.tsv, written later: 0.808 to 0.838.
     */
    private static final double OWN_QUESTION_SHARE = 0.5;
    /**
     * A follow-up whose first this many entries all belong to one topic asks about that topic. Chosen on the 190
     * follow-ups of eval/tune5.tsv and eval/tune6.tsv (stop 23): shown right +4 at 3, +0 at 2; checked on the 100 of
     * eval/tune7.tsv: shown unchanged, outright answers right 28 of 39 without, 26 of 33 with. Blind follow-ups fell
     * after the stop's changes taken together (docs/evaluation.md).
     */
    private static final int ONE_TOPIC = 3;
    /**
     * A follow-up whose own best entry the answer gate finds this likely right asks about that entry's topic ("and
     * will she then automatically be Vietnamese?" after a birth question). Chosen on the 393 follow-ups of
     * eval/tune5, tune6, tune7, tune9 and tune8-urgent (stop 24), simulated before it was built: the first shown
     * right +9 −2 at 0.4, +9 −3 at 0.3, +5 −0 at 0.6.
     */
    private static final double OWN_CERTAINTY = 0.4;
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
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public MatchResult match(String message) {
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
            return new MatchResult(Tier.EMERGENCY, language, emergencyFirst(ranked, emergency.get()), emergency);
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
        if (talk.isPresent()) {
            return new MatchResult(
                    talk.get().tier(),
                    language,
                    ranked,
                    emergency,
                    Optional.of(talk.get().reason()),
                    certainty,
                    boxed(signals));
        }
        // Unsure: the FAQ answers, and the reply puts the hotline on top with a way to say "I am in danger".
        return new MatchResult(tier, language, ranked, emergency, Optional.empty(), certainty, boxed(signals));
    }

    /**
     * A short follow-up ("còn phí thì sao?") is matched together with the message before it, unless it stands on its
     * own: a sure emergency, small talk or an outright answer are decided on the message alone. A follow-up to a
     * sure emergency stays in it (unless it is answered outright, small talk or a decline); otherwise the previous
     * message cannot raise an emergency. A decline stands only if the context does not make it a consular
     * question. A follow-up that names a topic of its own ({@link #facet}) or asks a question of its own
     * ({@link #ownQuestion}) gets that topic's entries first, unless
     * the context's entry answers its words too ("how much?" after a birth question: the birth's fee entry).
     */
    @Override
    public MatchResult match(String message, String previous) {
        MatchResult alone = match(message);
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
        MatchResult before = match(previous);
        if (alone.tier() != Tier.DECLINE
                && before.emergency().map(Emergency::sure).orElse(false)) {
            // "giờ em phải làm gì?" after "bố em vừa mất ở bệnh viện": the citizen is still in the emergency the
            // message before declared, so the reply stays the emergency's first steps, read with both messages.
            MatchResult together = match(previous + "\n" + message);
            if (together.tier() == Tier.EMERGENCY) {
                return together;
            }
        }
        if (!saysSomething) {
            return alone;
        }
        MatchResult together = match(previous + "\n" + message);
        if (together.tier() == Tier.EMERGENCY
                || together.tier() == Tier.CHITCHAT
                || together.tier() == Tier.DECLINE
                || together.ranked().isEmpty()) {
            return alone;
        }
        Candidate contextual = together.ranked().get(0);
        Optional<String> facet =
                facet(alone).or(() -> ownQuestion(alone, before)).or(() -> sureOfItsOwn(alone));
        if (facet.isPresent()
                && !contextual.entry().topic().equals(facet.get())
                && !explains(contextual, alone.ranked())) {
            List<Candidate> ranked =
                    withContextOffered(facetFirst(facet.get(), together.ranked(), alone.ranked()), contextual);
            if (ranked.get(0) != contextual) {
                // What the gate weighed was the context's entry: the facet's is offered, not answered outright.
                Tier tier = together.tier() == Tier.ANSWER ? Tier.SUGGEST : together.tier();
                return new MatchResult(tier, alone.language(), ranked, alone.emergency(), Optional.empty());
            }
        }
        return new MatchResult(
                together.tier(),
                alone.language(),
                together.ranked(),
                alone.emergency(),
                Optional.empty(),
                together.certainty(),
                together.answerSignals());
    }

    /**
     * The follow-up's own best topic, when its own words say about as much as the message before did, or when all
     * its best entries belong to that one topic: a long message before scores more on any scale, but "có phiếu rồi
     * thì có cần hợp pháp hóa không" retrieves only legalisation entries however short it is.
     */
    private static Optional<String> ownQuestion(MatchResult alone, MatchResult before) {
        return best(alone)
                .filter(own -> own.score() > 0
                        && own.score()
                                >= OWN_QUESTION_SHARE
                                        * best(before).map(Candidate::score).orElse(0.0))
                .map(own -> own.entry().topic())
                .or(() -> oneTopic(alone));
    }

    /**
     * The topic of the follow-up's own best entry, when the answer gate finds it likely right, no danger is read in it
     * and it is no emergency's topic: emergencies are the triage's to name ("nếu chồng em bận đi làm không đi cùng
     * được thì sao" after a birth question is about the birth, not a crime).
     */
    private Optional<String> sureOfItsOwn(MatchResult alone) {
        return alone.certainty() >= OWN_CERTAINTY && alone.emergency().isEmpty()
                ? alone.top()
                        .map(c -> c.entry().topic())
                        .filter(t -> !corpus.topics().containsKey(t)
                                || !corpus.topic(t).isEmergency())
                : Optional.empty();
    }

    /** The topic of the follow-up's first {@link #ONE_TOPIC} entries, when they all share it. */
    private static Optional<String> oneTopic(MatchResult alone) {
        List<Candidate> first = alone.ranked().stream().limit(ONE_TOPIC).toList();
        return first.size() == ONE_TOPIC
                        && first.stream()
                                .allMatch(c -> c.entry()
                                        .topic()
                                        .equals(first.get(0).entry().topic()))
                ? Optional.of(first.get(0).entry().topic())
                : Optional.empty();
    }

    /** The candidate its words retrieved best (an emergency's first-steps entry is put first at score 0). */
    private static Optional<Candidate> best(MatchResult result) {
        return result.ranked().stream().max(Comparator.comparingDouble(Candidate::score));
    }

    /**
     * The topic a follow-up names by itself, when it is one that runs across procedures ({@link Topic#facet}):
     * "còn phí thì sao?" after a passport question asks for the passport's fee (topic fees), "nộp ở đâu?" after a
     * birth question for the mission that covers the citizen. Read together with the message before, the longer
     * previous message outweighs it. Other topics do not lead: "con em 10 tuổi" reads as a child's passport.
     */
    private Optional<String> facet(MatchResult alone) {
        List<Double> signals = alone.answerSignals();
        if (alone.ranked().isEmpty() || signals.size() != AnswerGate.FEATURES || signals.get(1) < FACET_TOPIC) {
            return Optional.empty();
        }
        String topic = alone.ranked().get(0).entry().topic();
        return corpus.topics().containsKey(topic) && corpus.topic(topic).facet()
                ? Optional.of(topic)
                : Optional.empty();
    }

    /** Whether the entry the context points to is also among the best for the follow-up's own words. */
    private static boolean explains(Candidate contextual, List<Candidate> alone) {
        return alone.stream()
                .limit(MatchResult.MAX_SUGGESTIONS)
                .anyMatch(c -> c.entry().id().equals(contextual.entry().id()));
    }

    /** The facet's entries first, in the order the context gives them (the passport's fee before other fees). */
    private static List<Candidate> facetFirst(String facet, List<Candidate> together, List<Candidate> alone) {
        List<Candidate> first = new ArrayList<>();
        together.stream().filter(c -> c.entry().topic().equals(facet)).forEach(first::add);
        if (first.isEmpty()) {
            alone.stream()
                    .filter(c -> c.entry().topic().equals(facet))
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
