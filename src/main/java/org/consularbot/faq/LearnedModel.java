package org.consularbot.faq;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.io.BinaryQNModelReader;
import opennlp.tools.ml.maxent.io.BinaryQNModelWriter;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.Version;

/**
 * One multinomial logistic regression (OpenNLP's L-BFGS maxent) with the features it saw often enough to learn: a
 * message mostly of other words is not read, since the intercept alone would decide it.
 */
final class LearnedModel {

    static final String BIAS = "bias";
    /**
     * L2 against the summed likelihood. At 1.0 the split between the intercept and common words was loose: 900 more
     * examples moved the "question" intercept from 5.09 to 2.15 and words like "the" or "muon" took its place, tipping
     * in-scope questions into declines. At 2.0 it holds (5.46 to 5.37 with the same examples).
     */
    private static final double L2 = 2.0;
    /** L1 keeps the model sparse; without it cross-validation read less small talk (0.86 against 0.89). */
    private static final double L1 = 0.1;
    /** The fit has settled by then (training accuracy 1.0 from about the 13th); each costs about 0.1 s. */
    private static final int ITERATIONS = 30;
    /**
     * Corrections L-BFGS remembers. Each costs two vectors of features × outcomes doubles (~10 MB here): the default
     * 15 took ~300 MB while training and ran a bot with {@code -Xmx256m} out of memory; 3 gives the same
     * cross-validated figures.
     */
    private static final int MEMORY = 3;
    /** A feature seen once is noise to the model: this many sightings at least. */
    private static final int CUTOFF = 2;

    private final MaxentModel model;
    private final Set<String> known;

    private LearnedModel(MaxentModel model, Set<String> known) {
        this.model = model;
        this.known = known;
    }

    /**
     * The model, or none when the events name fewer than two outcomes: nothing to tell apart. Taken from the cache
     * when it holds a model trained on exactly these events with these settings, else trained and stored there.
     */
    static Optional<LearnedModel> train(List<Event> events, ModelCache cache) {
        if (events.stream().map(Event::getOutcome).distinct().count() < 2) {
            return Optional.empty();
        }
        Map<String, Integer> counts = new HashMap<>();
        events.forEach(e -> Arrays.stream(e.getContext()).forEach(f -> counts.merge(f, 1, Integer::sum)));
        counts.remove(BIAS);
        Set<String> known = counts.entrySet().stream()
                .filter(c -> c.getValue() >= CUTOFF)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
        if (cache == ModelCache.NONE) {
            return Optional.of(new LearnedModel(fit(events), known)); // nothing to look up: no digest of every event
        }
        String key = key(events);
        Optional<MaxentModel> cached = cache.find(key).flatMap(LearnedModel::read);
        if (cached.isPresent()) {
            return Optional.of(new LearnedModel(cached.get(), known));
        }
        AbstractModel model = fit(events);
        cache.keep(key, write(model));
        return Optional.of(new LearnedModel(model, known));
    }

    private static AbstractModel fit(List<Event> events) {
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters(), null);
        try {
            return (AbstractModel) trainer.train(new ListStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException("training a model on the corpus examples", e);
        }
    }

    /** The trainer's settings: what {@link #fit} trains with and {@link #key} digests, from one place. */
    private static TrainingParameters parameters() {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1); // one thread: the same examples give the same model
        parameters.put(QNTrainer.L2COST_PARAM, L2);
        parameters.put(QNTrainer.L1COST_PARAM, L1);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(QNTrainer.M_PARAM, MEMORY);
        return parameters;
    }

    /**
     * SHA-256 of what decides the model: this format, the library's version, the settings, and every event (its
     * outcome and features, in order). Any difference trains anew.
     */
    static String key(List<Event> events) {
        MessageDigest digest = sha256();
        // The settings come from parameters() (cutoff included), so a setting added there is digested too.
        StringBuilder head =
                new StringBuilder("consular-bot reading model v2|opennlp ").append(Version.currentVersion());
        new TreeMap<>(parameters().getObjectSettings())
                .forEach((name, value) ->
                        head.append('|').append(name).append('=').append(value));
        field(digest, head.toString());
        for (Event event : events) {
            field(digest, event.getOutcome());
            digest.update(
                    ByteBuffer.allocate(4).putInt(event.getContext().length).array());
            for (String feature : event.getContext()) {
                field(digest, feature);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A text with its length before it, so that no two sequences of texts digest alike. */
    private static void field(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static byte[] write(AbstractModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new BinaryQNModelWriter(model, out).persist();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a model to memory", e);
        }
        return bytes.toByteArray();
    }

    /** The stored model, or nothing when the bytes are not one (another format, cut short). */
    private static Optional<MaxentModel> read(byte[] bytes) {
        try {
            return Optional.of(
                    new BinaryQNModelReader(new DataInputStream(new ByteArrayInputStream(bytes))).getModel());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The probability of each outcome, or nothing when fewer than half the message's words ({@code words}, folded)
     * are known to the model ("vậy zorbl quxx fnord").
     */
    Optional<double[]> eval(String[] features, List<String> words) {
        long knownWords = words.stream().filter(w -> known.contains("w:" + w)).count();
        if (Arrays.stream(features).noneMatch(known::contains) || knownWords * 2 < words.size()) {
            return Optional.empty();
        }
        return Optional.of(model.eval(features));
    }

    String outcome(int index) {
        return model.getOutcome(index);
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
