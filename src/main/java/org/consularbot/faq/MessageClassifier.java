package org.consularbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * A learned reading of a message beside the phrase rules: how likely it is an emergency now (and which situation),
 * small talk or an out-of-scope request (and of which class). Phrase lists miss what nobody foresaw ("con em 5 ngày
 * không nghe máy, chủ nhà bảo nó không về"); a model trained on real messages learns from words that go together.
 * Multinomial logistic regression (OpenNLP's L-BFGS maxent, L2-regularised) over folded words, word pairs and word
 * beginnings, trained when the corpus loads on its {@linkplain Corpus#examples() examples} and, as ordinary
 * questions, on the questions of its non-emergency entries. With no examples it reads nothing. Trained once per
 * corpus load ({@link CorpusLoader}; a few seconds), so every matcher built on that corpus shares it.
 */
public final class MessageClassifier {

    /** Reads nothing: a corpus without examples. */
    static final MessageClassifier NONE = new MessageClassifier(null, Set.of());

    static final String QUESTION = "question";
    private static final String BIAS = "bias";
    private static final String URGENT = "urgent/";
    private static final String CHITCHAT = "chitchat/";
    private static final String DECLINE = "decline/";
    /** Words read per message: a 20,000-character letter costs no more than a long one. */
    private static final int MAX_WORDS = 400;
    /** English words this long also count by their first letters: arrested, arresting → arres. */
    private static final int STEM_FROM = 6;
    private static final int STEM = 5;
    private static final double L2 = 1.0;
    /** L1 keeps the model sparse; without it cross-validation read less small talk (0.86 against 0.89). */
    private static final double L1 = 0.1;
    /** The fit has settled by then (training accuracy 1.0 from about the 13th); each costs about 0.1 s. */
    private static final int ITERATIONS = 30;
    /** A feature seen once is noise to the model: this many sightings at least. */
    private static final int CUTOFF = 2;
    /**
     * Urgent, small-talk and decline examples count this many times: they are a few hundred against thousands of
     * ordinary questions, and a rare class the model barely sees is the one it misses (cross-validated: 3 beat 1).
     */
    private static final int RARE_WEIGHT = 3;

    /** Probabilities: of an emergency (any situation), small talk, a decline; each with its likeliest class. */
    record Reading(double urgent, String situation, double chitchat, String chitchatClass, double decline,
                   String declineClass) {
        static final Reading NOTHING = new Reading(0, null, 0, null, 0, null);
    }

    private final MaxentModel model;
    /** Features seen often enough to be in the model: a message with none of them is not read at all. */
    private final Set<String> known;

    private MessageClassifier(MaxentModel model, Set<String> known) {
        this.model = model;
        this.known = known;
    }

    /** Trains on the corpus's examples and entry questions; a corpus without examples gets a reader of nothing. */
    static MessageClassifier train(Corpus corpus, TextNormalizer normalizer) {
        if (corpus.examples().isEmpty()) {
            return NONE;
        }
        List<Event> events = new ArrayList<>();
        for (FaqEntry entry : corpus.entries()) {
            if (entry.topic().startsWith("emergency.")) {
                continue; // "tôi bị bắt thì làm sao" is both a question and, for some, an emergency: let examples decide
            }
            for (Language language : Language.values()) {
                entry.questions(language).forEach(q -> events.add(event(QUESTION, normalizer.normalize(q), q)));
            }
        }
        for (Example example : corpus.examples()) {
            String outcome = switch (example.kind()) {
                case QUESTION -> QUESTION;
                case URGENT -> URGENT + example.label();
                case CHITCHAT -> CHITCHAT + example.label();
                case DECLINE -> DECLINE + example.label();
            };
            Event event = event(outcome, normalizer.normalize(example.text()), example.text());
            for (int copy = 0; copy < (outcome.equals(QUESTION) ? 1 : RARE_WEIGHT); copy++) {
                events.add(event);
            }
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1); // one thread: the same examples give the same model
        parameters.put(QNTrainer.L2COST_PARAM, L2);
        parameters.put(QNTrainer.L1COST_PARAM, L1);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, null);
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        events.forEach(e -> java.util.Arrays.stream(e.getContext()).forEach(f -> counts.merge(f, 1, Integer::sum)));
        counts.remove(BIAS);
        Set<String> known = counts.entrySet().stream().filter(c -> c.getValue() >= CUTOFF).map(java.util.Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        try {
            return new MessageClassifier(trainer.train(new ListStream(events)), known);
        } catch (IOException e) {
            throw new UncheckedIOException("training the message classifier", e);
        }
    }

    /** The reading of a normalised message ({@code raw} as typed, for emoji). */
    Reading read(NormalizedText text, String raw) {
        if (model == null || text.isEmpty() && (raw == null || raw.isBlank())) {
            return Reading.NOTHING;
        }
        String[] features = features(text, raw == null ? "" : raw);
        // Words the model never learnt say nothing: a message mostly of them ("vậy zorbl quxx fnord") is not read,
        // or one familiar word and the intercept would decide it.
        long words = text.tokens().stream().limit(MAX_WORDS).count();
        long knownWords = text.tokens().stream().limit(MAX_WORDS).filter(t -> known.contains("w:" + t.folded())).count();
        if (java.util.Arrays.stream(features).noneMatch(known::contains) || knownWords * 2 < words) {
            return Reading.NOTHING;
        }
        double[] p = model.eval(features);
        double urgent = 0;
        double chitchat = 0;
        double decline = 0;
        int situation = -1;
        int chitchatClass = -1;
        int declineClass = -1;
        for (int i = 0; i < p.length; i++) {
            String outcome = model.getOutcome(i);
            if (outcome.startsWith(URGENT)) {
                urgent += p[i];
                situation = situation < 0 || p[i] > p[situation] ? i : situation;
            } else if (outcome.startsWith(CHITCHAT)) {
                chitchat += p[i];
                chitchatClass = chitchatClass < 0 || p[i] > p[chitchatClass] ? i : chitchatClass;
            } else if (outcome.startsWith(DECLINE)) {
                decline += p[i];
                declineClass = declineClass < 0 || p[i] > p[declineClass] ? i : declineClass;
            }
        }
        return new Reading(urgent, label(situation, URGENT), chitchat, label(chitchatClass, CHITCHAT), decline,
                label(declineClass, DECLINE));
    }

    private String label(int outcome, String prefix) {
        return outcome < 0 ? null : model.getOutcome(outcome).substring(prefix.length());
    }

    private static Event event(String outcome, NormalizedText text, String raw) {
        return new Event(outcome, features(text, raw));
    }

    /**
     * Folded words (fillers too: "ạ", "ơi" say much about small talk), their equivalents, pairs (with the message's
     * start and end), stems of long Latin words, emoji and question marks. No length feature: with it, any short
     * message of unknown words ("xqzv blorf", "giay to") read as small talk.
     */
    static String[] features(NormalizedText text, String raw) {
        Set<String> features = new LinkedHashSet<>();
        // The intercept: without it the model has no prior, and a message of unknown words reads half urgent.
        features.add(BIAS);
        List<NormalizedText.Token> tokens = text.tokens().subList(0, Math.min(MAX_WORDS, text.tokens().size()));
        String before = "^";
        for (NormalizedText.Token token : tokens) {
            String word = token.folded();
            features.add("w:" + word);
            token.equivalentsFolded().forEach(e -> features.add("w:" + e));
            features.add("b:" + before + "_" + word);
            if (word.length() >= STEM_FROM && word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                features.add("s:" + word.substring(0, STEM));
            }
            before = word;
        }
        if (!tokens.isEmpty()) {
            features.add("b:" + before + "_$");
        }
        if (raw.codePoints().anyMatch(c -> Character.getType(c) == Character.OTHER_SYMBOL || Character.isSupplementaryCodePoint(c))) {
            features.add("emoji");
        }
        if (raw.indexOf('?') >= 0) {
            features.add("asks");
        }
        return features.toArray(String[]::new);
    }

    /** The events as OpenNLP's stream, read as often as the trainer likes. */
    private static final class ListStream implements ObjectStream<Event> {
        private final List<Event> events;
        private Iterator<Event> next;

        ListStream(List<Event> events) {
            this.events = events;
            this.next = events.iterator();
        }

        @Override
        public Event read() {
            return next.hasNext() ? next.next() : null;
        }

        @Override
        public void reset() {
            next = events.iterator();
        }
    }
}
