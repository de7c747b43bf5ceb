package org.consularbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The production matcher. Each entry is one Lucene document whose questions, keywords and topic name are
 * indexed folded (diacritics removed; words and two-word syllable pairs, since Vietnamese words span syllables:
 * "hộ chiếu") and as written (so exact diacritics score higher); its answers are indexed with less weight.
 * A query is normalised the same way, searches equivalents and, for words the corpus does not know, near
 * spellings. Candidates get a {@linkplain Candidate#confidence() confidence}, and {@link TierPolicy} turns them
 * into a tier. Emergencies are decided first: by the phrases of {@code urgent.yaml}, with the corpus's learned
 * {@linkplain MessageClassifier reading} adding what they miss ({@link ReadingPolicy}); the same reading adds small
 * talk and declines the phrase lists do not know.
 */
final class VietnameseFaqMatcher implements FaqMatcher {

    private static final String FOLDED = "folded";
    private static final String WRITTEN = "written";
    private static final String ANSWER = "answer";
    private static final String ENTRY = "entry";
    private static final int MAX_QUERY_WORDS = 60;
    private static final int CANDIDATES = 10;
    /** How much of a follow-up its own words must explain, on their own, to be read with the message before. */
    private static final double FOLLOW_UP_EVIDENCE = 0.1;
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
    /** How many retrieved entries are re-ranked by confidence. */
    private static final int POOL = 30;
    /** Shorter words are not corrected: Vietnamese syllables one letter apart are different words. */
    private static final int MIN_FUZZY_LENGTH = 5;
    private static final float WRITTEN_BOOST = 0.3f;
    private static final float ANSWER_BOOST = 0.25f;
    private static final float EQUIVALENT_BOOST = 0.7f;
    private static final float SPELLING_BOOST = 0.6f;
    /** At most this many known words stand in for one misspelt word. */
    private static final int MAX_SPELLINGS = 5;
    /** Matched word weight (sum of idf) at which a short message counts as saying enough to be answered. */
    private static final double ENOUGH_EVIDENCE = 4.0;
    /** How much a word found only in an entry's answer counts towards explaining the message. */
    private static final double ANSWER_WORD = 0.2;
    /** How much word pairs count in the confidence, relative to single words. */
    private static final double PAIR_WEIGHT = 1.0;

    private final Corpus corpus;
    private final TierPolicy policy;
    private final TextNormalizer normalizer;
    private final LanguageDetector languages;
    private final EmergencyTriage triage;
    private final SmallTalk smallTalk;
    private final MessageClassifier classifier;
    private final ReadingPolicy reading;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    /**
     * Per entry: the words and pairs of its questions, keywords and topic name; and the words only its answers use,
     * which explain a message less surely than its questions do.
     */
    private final EntryVocabularies vocabularies = new EntryVocabularies();

    /** In how many question texts (questions, keyword lines, topic names) each folded word and word pair occurs. */
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int questionTexts;
    /** Every word of the corpus questions: where misspelt words look for their intended spelling. */
    private final List<String> questionWords;
    /** Lucene document number to entry index, read once from doc values. */
    private final int[] docToEntry;

    VietnameseFaqMatcher(Corpus corpus, TierPolicy policy, java.time.Clock clock) {
        this.corpus = corpus;
        this.policy = policy;
        this.normalizer = new TextNormalizer(corpus.synonyms());
        this.classifier = corpus.classifier();
        this.reading = ReadingPolicy.DEFAULT;
        this.languages = new LanguageDetector(corpus, normalizer);
        this.triage = new EmergencyTriage(corpus, normalizer, clock);
        this.smallTalk = new SmallTalk(corpus.smallTalk(), DECLINE_BELOW);
        this.analyzer = VietnameseAnalysis.analyzer(WRITTEN);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        int texts = 0;
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < corpus.entries().size(); i++) {
                FaqEntry entry = corpus.entries().get(i);
                Set<String> vocabulary = new HashSet<>();
                List<String> questionTexts = new ArrayList<>(entry.questions(Language.VI));
                questionTexts.addAll(entry.questions(Language.EN));
                questionTexts.add(String.join(" ", entry.keywords()));
                Topic topic = corpus.topic(entry.topic());
                if (topic != null) {
                    questionTexts.add(topic.nameVi() + " " + topic.nameEn());
                }
                Document doc = new Document();
                for (String text : questionTexts) {
                    NormalizedText normalized = normalizer.normalize(text);
                    Set<String> units = new HashSet<>(pairs(normalized.meaningful()));
                    normalized.meaningful().forEach(t -> units.add(t.folded()));
                    vocabulary.addAll(units);
                    units.forEach(unit -> documentFrequency.merge(unit, 1, Integer::sum));
                    texts++;
                    doc.add(new TextField(FOLDED, normalized.folded(), Field.Store.NO));
                    doc.add(new TextField(WRITTEN, normalized.written(), Field.Store.NO));
                }
                Set<String> answerWords = new HashSet<>();
                for (Language language : Language.values()) {
                    NormalizedText answer = normalizer.normalize(corpus.answer(entry, language));
                    answer.meaningful().forEach(t -> answerWords.add(t.folded()));
                    doc.add(new TextField(ANSWER, answer.folded(), Field.Store.NO));
                }
                doc.add(new NumericDocValuesField(ENTRY, i));
                writer.addDocument(doc);
                answerWords.removeAll(vocabulary);
                vocabularies.add(vocabulary, answerWords);
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory FAQ index", e);
        }
        this.questionTexts = texts;
        this.questionWords = documentFrequency.keySet().stream().filter(w -> w.indexOf(' ') < 0).toList();
        try {
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
            this.docToEntry = new int[searcher.getIndexReader().maxDoc()];
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(ENTRY);
                for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                    docToEntry[leaf.docBase + doc] = (int) values.longValue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public MatchResult match(String message) {
        NormalizedText text = normalizer.normalize(message);
        Language language = languages.detect(text);
        MessageClassifier.Reading learned = classifier.read(text, message);
        Optional<Emergency> emergency = reading.emergency(triage.assess(message), learned, triage);
        Map<String, Double> topics = learned.topics();
        List<Candidate> pool = text.meaningful().isEmpty() ? List.of() : retrieve(text);
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
            signals = AnswerGate.features(ranked, topics, learned, plainTier, byConfidence, text.meaningful().size());
            certainty = AnswerGate.probability(signals);
            tier = AnswerGate.answers(certainty) ? Tier.ANSWER : tier == Tier.ANSWER ? Tier.SUGGEST : tier;
        }
        // A decline phrase outweighs an entry the FAQ would not answer outright with, unless the gate is nearly sure
        // of that entry's topic ("criminal record for my permanent residence application" is not a host matter).
        double top = certainty >= DECLINE_GIVES_WAY ? 1 : ranked.isEmpty() || tier != Tier.ANSWER ? 0 : ranked.get(0).confidence();
        Optional<SmallTalk.Verdict> talk = smallTalk.classify(message == null ? "" : message, text.tokens(), top, learned.declineClass())
                .or(() -> reading.talk(learned, top, DECLINE_BELOW));
        if (talk.isPresent()) {
            return new MatchResult(talk.get().tier(), language, ranked, emergency, Optional.of(talk.get().reason()),
                    certainty, boxed(signals));
        }
        // Unsure: the FAQ answers, and the reply puts the hotline on top with a way to say "I am in danger".
        return new MatchResult(tier, language, ranked, emergency, Optional.empty(), certainty, boxed(signals));
    }

    /**
     * A short follow-up ("còn phí thì sao?") is matched together with the message before it, unless it stands on its
     * own: a sure emergency, small talk or an outright answer are decided on the message alone, and the previous
     * message cannot raise an emergency again. A decline stands only if the context does not make it a consular
     * question.
     */
    @Override
    public MatchResult match(String message, String previous) {
        MatchResult alone = match(message);
        // A follow-up must say something the corpus knows ("phí"): words it never uses are no follow-up to anything.
        boolean saysSomething = alone.top().map(c -> c.confidence() >= FOLLOW_UP_EVIDENCE).orElse(false);
        // A decline is read again with the message before ("what's the address?" after a question about a consulate);
        // one the context does not turn into a consular question stays. An unsure emergency keeps its danger button.
        boolean open = alone.tier() == Tier.SUGGEST || alone.tier() == Tier.FALLBACK || alone.tier() == Tier.DECLINE;
        boolean sureEmergency = alone.emergency().map(Emergency::sure).orElse(false);
        if (previous == null || previous.isBlank() || !open || sureEmergency || !saysSomething) {
            return alone;
        }
        MatchResult together = match(previous + "\n" + message);
        if (together.tier() == Tier.EMERGENCY || together.tier() == Tier.CHITCHAT || together.tier() == Tier.DECLINE
                || together.ranked().isEmpty()) {
            return alone;
        }
        return new MatchResult(together.tier(), alone.language(), together.ranked(), alone.emergency(), Optional.empty(),
                together.certainty(), together.answerSignals());
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** Puts the entry with this emergency's first steps first; the rest keep their order. */
    private List<Candidate> emergencyFirst(List<Candidate> ranked, Emergency emergency) {
        List<Candidate> first = new ArrayList<>();
        if (emergency.entry() != null) {
            ranked.stream().filter(c -> c.entry().id().equals(emergency.entry())).findFirst().ifPresentOrElse(first::add,
                    () -> corpus.entry(emergency.entry()).ifPresent(e -> first.add(new Candidate(e, 0, 0))));
        }
        ranked.stream().filter(c -> !first.contains(c)).forEach(first::add);
        return first;
    }

    /**
     * A message's meaningful words with what is worked out once per message rather than per candidate: weights,
     * the words of each token's equivalents, near spellings of unknown words, and word pairs with their weights.
     */
    private record QueryWords(List<NormalizedText.Token> tokens, double[] weights, Map<String, List<String>> near,
                              double[] pairWeights, Numbers numbers) {
    }

    /**
     * The same as numbers of {@link EntryVocabularies}: per token its word, its equivalents (each a list of words)
     * and its near spellings; and the pairs.
     */
    private record Numbers(int[] words, int[][][] equivalents, int[][] near, int[] pairs) {
    }

    /** The pool re-ordered by how likely each candidate's topic is. */
    private List<Candidate> weighed(List<Candidate> pool, Map<String, Double> topics) {
        List<Candidate> weighed = new ArrayList<>(pool.size());
        pool.forEach(c -> weighed.add(new Candidate(c.entry(), reading.weigh(c, topics), c.confidence())));
        weighed.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return weighed.subList(0, Math.min(CANDIDATES, weighed.size()));
    }

    /** The retrieved pool, best first by retrieval score × confidence. */
    private List<Candidate> retrieve(NormalizedText text) {
        List<NormalizedText.Token> all = text.meaningful();
        List<NormalizedText.Token> tokens = all.subList(0, Math.min(MAX_QUERY_WORDS, all.size()));
        QueryWords words = queryWords(tokens);
        ScoreDoc[] hits;
        try {
            // One document per entry. Counting every hit (Lucene's default up to 1,000) scored every entry of the
            // corpus; the top POOL alone let it skip those that cannot make it: the same pool (exact with BM25's score
            // bounds and one segment; checked against an exhaustive search on 8,000 queries), p99 3.7 -> 1.6 ms at
            // 1,000 entries.
            hits = searcher.search(query(words), new TopScoreDocCollectorManager(POOL, null, POOL)).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Retrieval finds the pool; the final order weighs each candidate's retrieval score by how much of the
        // message it explains, so "how long does marriage registration take" prefers marriage over "how long".
        List<Candidate> pool = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            int entry = docToEntry[hit.doc];
            double confidence = confidence(words, entry);
            pool.add(new Candidate(corpus.entries().get(entry), hit.score * confidence, confidence));
        }
        pool.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return pool;
    }

    private QueryWords queryWords(List<NormalizedText.Token> tokens) {
        double[] weights = new double[tokens.size()];
        int[] wordNumbers = new int[tokens.size()];
        int[][][] equivalents = new int[tokens.size()][][];
        int[][] nearNumbers = new int[tokens.size()][];
        Map<String, List<String>> near = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).folded();
            wordNumbers[i] = vocabularies.id(word);
            equivalents[i] = tokens.get(i).equivalentsFolded().stream().map(p -> vocabularies.ids(List.of(p.split(" "))))
                    .toArray(int[][]::new);
            if (word.length() >= MIN_FUZZY_LENGTH && !documentFrequency.containsKey(word) && !near.containsKey(word)) {
                near.put(word, questionWords.stream().filter(known -> EditDistance.atMostOne(word, known))
                        .limit(MAX_SPELLINGS).toList());
            }
            nearNumbers[i] = vocabularies.ids(near.getOrDefault(word, List.of()));
            // A bare number ("17 tuổi", "2 năm") is a detail of the case, never what the question is about.
            boolean number = word.chars().allMatch(Character::isDigit);
            weights[i] = number ? 0 : idf(word);
        }
        List<String> pairs = pairs(tokens);
        double[] pairWeights = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            pairWeights[i] = PAIR_WEIGHT * idf(pairs.get(i));
        }
        return new QueryWords(tokens, weights, near, pairWeights,
                new Numbers(wordNumbers, equivalents, nearNumbers, vocabularies.ids(pairs)));
    }

    private Query query(QueryWords words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<NormalizedText.Token> tokens = words.tokens();
        String folded = String.join(" ", tokens.stream().map(NormalizedText.Token::folded).toList());
        String written = String.join(" ", tokens.stream().map(NormalizedText.Token::written).toList());
        Set<String> seen = new HashSet<>();
        for (String term : terms(FOLDED, folded)) {
            if (seen.add(term)) {
                query.add(new TermQuery(new Term(FOLDED, term)), BooleanClause.Occur.SHOULD);
                query.add(new BoostQuery(new TermQuery(new Term(ANSWER, term)), ANSWER_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        for (String term : new LinkedHashSet<>(terms(WRITTEN, written))) {
            query.add(new BoostQuery(new TermQuery(new Term(WRITTEN, term)), WRITTEN_BOOST), BooleanClause.Occur.SHOULD);
        }
        for (NormalizedText.Token token : tokens) {
            for (String equivalent : token.equivalentsFolded()) {
                for (String term : terms(FOLDED, equivalent)) {
                    if (seen.add(term)) {
                        query.add(new BoostQuery(new TermQuery(new Term(FOLDED, term)), EQUIVALENT_BOOST),
                                BooleanClause.Occur.SHOULD);
                    }
                }
            }
        }
        // Typos: a word the corpus does not know also searches the known words one edit away.
        words.near().values().stream().flatMap(List::stream).filter(seen::add).forEach(known -> query.add(
                new BoostQuery(new TermQuery(new Term(FOLDED, known)), SPELLING_BOOST), BooleanClause.Occur.SHOULD));
        return query.build();
    }

    private List<String> terms(String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * The share of the message's information the entry accounts for: each word and adjacent word pair weighs its
     * inverse document frequency over the corpus questions (what the corpus never uses weighs most, so "weather"
     * or "dogecoin" sink the confidence), and a message must also say enough (a lone "thủ tục" is no question).
     */
    private double confidence(QueryWords words, int entry) {
        Numbers numbers = words.numbers();
        double total = 0;
        double matched = 0;
        for (int i = 0; i < numbers.words().length; i++) {
            double covered = vocabularies.coverage(entry, numbers.words()[i], numbers.equivalents()[i], numbers.near()[i]);
            if (covered < ANSWER_WORD && vocabularies.inAnswersOnly(entry, numbers.words()[i])) {
                covered = ANSWER_WORD;
            }
            total += words.weights()[i];
            matched += words.weights()[i] * covered;
        }
        for (int i = 0; i < numbers.pairs().length; i++) {
            total += words.pairWeights()[i];
            if (vocabularies.inQuestions(entry, numbers.pairs()[i])) {
                matched += words.pairWeights()[i];
            }
        }
        if (total == 0) {
            return 0;
        }
        return (matched / total) * Math.min(1, matched / ENOUGH_EVIDENCE);
    }

    /** Adjacent word pairs, folded: Vietnamese words are syllable pairs ("ho chieu"), and so is much meaning. */
    private static List<String> pairs(List<NormalizedText.Token> tokens) {
        return VietnameseAnalysis.pairs(tokens);
    }

    private double idf(String word) {
        int df = documentFrequency.getOrDefault(word, 0);
        return Math.log(1 + (questionTexts - df + 0.5) / (df + 0.5));
    }
}
