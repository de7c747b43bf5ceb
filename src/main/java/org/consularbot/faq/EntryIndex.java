package org.consularbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * The entries as Lucene documents, and what retrieval weighs. Each entry is one document whose questions, keywords
 * and topic name are indexed folded (diacritics removed; words and two-word syllable pairs, since Vietnamese words
 * span syllables: "hộ chiếu") and as written (so exact diacritics score higher); its answers are indexed with less
 * weight. A query is normalised the same way, searches equivalents and, for words the corpus does not know, near
 * spellings; each candidate gets a {@linkplain Candidate#confidence() confidence}: how much of the message it explains.
 */
final class EntryIndex {

    private static final String FOLDED = "folded";
    private static final String WRITTEN = "written";
    private static final String ANSWER = "answer";
    private static final String ENTRY = "entry";
    private static final int MAX_QUERY_WORDS = 60;
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
    private final TextNormalizer normalizer;
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
    /** Per entry, how much a word found only in its answer counts towards explaining a message. */
    private final double[] answerWord;

    EntryIndex(Corpus corpus, TextNormalizer normalizer) {
        this.corpus = corpus;
        this.normalizer = normalizer;
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
                    if (describedByAnswer(entry)) {
                        doc.add(new TextField(FOLDED, answer.folded(), Field.Store.NO));
                        doc.add(new TextField(WRITTEN, answer.written(), Field.Store.NO));
                    }
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
        this.answerWord = corpus.entries().stream()
                .mapToDouble(e -> describedByAnswer(e) ? 1 : ANSWER_WORD)
                .toArray();
        this.questionWords = documentFrequency.keySet().stream()
                .filter(w -> w.indexOf(' ') < 0)
                .toList();
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

    /**
     * A message's meaningful words with what is worked out once per message rather than per candidate: weights,
     * the words of each token's equivalents, near spellings of unknown words, and word pairs with their weights.
     */
    private record QueryWords(
            List<NormalizedText.Token> tokens,
            double[] weights,
            Map<String, List<String>> near,
            double[] pairWeights,
            Numbers numbers) {}

    /**
     * The same as numbers of {@link EntryVocabularies}: per token its word, its equivalents (each a list of words)
     * and its near spellings; and the pairs.
     */
    private record Numbers(int[] words, int[][][] equivalents, int[][] near, int[] pairs) {}

    /** The retrieved pool, best first by retrieval score × confidence. */
    List<Candidate> retrieve(NormalizedText text) {
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
            equivalents[i] = tokens.get(i).equivalentsFolded().stream()
                    .map(p -> vocabularies.ids(List.of(p.split(" "))))
                    .toArray(int[][]::new);
            if (word.length() >= MIN_FUZZY_LENGTH && !documentFrequency.containsKey(word) && !near.containsKey(word)) {
                near.put(
                        word,
                        questionWords.stream()
                                .filter(known -> EditDistance.atMostOne(word, known))
                                .limit(MAX_SPELLINGS)
                                .toList());
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
        return new QueryWords(
                tokens,
                weights,
                near,
                pairWeights,
                new Numbers(wordNumbers, equivalents, nearNumbers, vocabularies.ids(pairs)));
    }

    private Query query(QueryWords words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<NormalizedText.Token> tokens = words.tokens();
        String folded = String.join(
                " ", tokens.stream().map(NormalizedText.Token::folded).toList());
        String written = String.join(
                " ", tokens.stream().map(NormalizedText.Token::written).toList());
        Set<String> seen = new HashSet<>();
        for (String term : terms(FOLDED, folded)) {
            if (seen.add(term)) {
                query.add(new TermQuery(new Term(FOLDED, term)), BooleanClause.Occur.SHOULD);
                query.add(
                        new BoostQuery(new TermQuery(new Term(ANSWER, term)), ANSWER_BOOST),
                        BooleanClause.Occur.SHOULD);
            }
        }
        for (String term : new LinkedHashSet<>(terms(WRITTEN, written))) {
            query.add(
                    new BoostQuery(new TermQuery(new Term(WRITTEN, term)), WRITTEN_BOOST), BooleanClause.Occur.SHOULD);
        }
        for (NormalizedText.Token token : tokens) {
            for (String equivalent : token.equivalentsFolded()) {
                for (String term : terms(FOLDED, equivalent)) {
                    if (seen.add(term)) {
                        query.add(
                                new BoostQuery(new TermQuery(new Term(FOLDED, term)), EQUIVALENT_BOOST),
                                BooleanClause.Occur.SHOULD);
                    }
                }
            }
        }
        // Typos: a word the corpus does not know also searches the known words one edit away.
        words.near().values().stream()
                .flatMap(List::stream)
                .filter(seen::add)
                .forEach(known -> query.add(
                        new BoostQuery(new TermQuery(new Term(FOLDED, known)), SPELLING_BOOST),
                        BooleanClause.Occur.SHOULD));
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
            double covered =
                    vocabularies.coverage(entry, numbers.words()[i], numbers.equivalents()[i], numbers.near()[i]);
            if (covered < answerWord[entry] && vocabularies.inAnswersOnly(entry, numbers.words()[i])) {
                covered = answerWord[entry];
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

    /**
     * An entry written with one phrasing per language (an imported FAQ: one official question, one answer) is
     * described mostly by its answer: the answer is searched as its questions are and its words count in full. This
     * corpus's entries have ten or more phrasings each, so for them the answer stays a weak hint.
     */
    private static boolean describedByAnswer(FaqEntry entry) {
        return Math.max(
                        entry.questions(Language.VI).size(),
                        entry.questions(Language.EN).size())
                <= 1;
    }

    private double idf(String word) {
        int df = documentFrequency.getOrDefault(word, 0);
        return Math.log(1 + (questionTexts - df + 0.5) / (df + 0.5));
    }
}
