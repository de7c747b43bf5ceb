package org.consularbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Retrieval of official passages (FAQ answers and bulletin paragraphs) for the fallback, with the matcher's
 * Vietnamese-aware analysis: text folded (diacritics off, đ→d) into words and syllable pairs, the written form
 * scoring higher, chat abbreviations and bilingual equivalents from {@code synonyms.txt}. Each hit says how much
 * of the question it covers, so the caller can tell "relevant" from "shares a word".
 */
public final class PassageIndex {

    /** A retrieved passage. {@code coverage}: the idf-weighted share of the question's words it contains (0–1). */
    public record Hit(Passage passage, double score, double coverage) {}

    private static final String FOLDED = "folded";
    private static final String WRITTEN = "written";
    private static final String TITLE = "title";
    private static final int MAX_QUERY_WORDS = 60;
    private static final float WRITTEN_BOOST = 0.3f;
    private static final float TITLE_BOOST = 0.5f;
    private static final float EQUIVALENT_BOOST = 0.7f;
    private static final double SAME_LANGUAGE = 1.15;

    private final TextNormalizer normalizer;
    private final List<Passage> passages = new ArrayList<>();
    private final List<Set<String>> vocabularies = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    public PassageIndex(Corpus corpus) {
        this.normalizer = new TextNormalizer(corpus.synonyms());
        for (FaqEntry entry : corpus.entries()) {
            String source = entry.sources().isEmpty() ? "" : entry.sources().get(0);
            for (Language language : Language.values()) {
                passages.add(new Passage(
                        "faq:" + entry.id() + ":" + language.code(),
                        entry.id(),
                        entry.topic(),
                        entry.title(language),
                        corpus.answer(entry, language),
                        source,
                        entry.reviewed(),
                        ChronoUnit.DAYS,
                        false,
                        language));
            }
        }
        for (OfficialDoc doc : corpus.docs()) {
            for (int i = 0; i < doc.paragraphs().size(); i++) {
                passages.add(new Passage(
                        doc.id() + "#" + (i + 1),
                        doc.id(),
                        doc.topic(),
                        doc.title(),
                        doc.paragraphs().get(i),
                        doc.source(),
                        doc.date(),
                        doc.datePrecision(),
                        doc.historical(),
                        doc.language()));
            }
        }
        this.analyzer = VietnameseAnalysis.analyzer(WRITTEN);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < passages.size(); i++) {
                Passage passage = passages.get(i);
                NormalizedText text = normalizer.normalize(passage.text());
                NormalizedText title = normalizer.normalize(passage.title());
                Set<String> vocabulary = new HashSet<>();
                text.meaningful().forEach(t -> vocabulary.add(t.folded()));
                title.meaningful().forEach(t -> vocabulary.add(t.folded()));
                vocabulary.forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
                vocabularies.add(vocabulary);
                Document doc = new Document();
                doc.add(new StoredField("i", i));
                doc.add(new TextField(FOLDED, text.folded(), Field.Store.NO));
                doc.add(new TextField(WRITTEN, text.written(), Field.Store.NO));
                doc.add(new TextField(TITLE, title.folded(), Field.Store.NO));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topic of an entry or bulletin id, or empty. */
    public String topicOf(String docId) {
        return passages.stream()
                .filter(p -> p.docId().equals(docId))
                .map(Passage::topic)
                .findFirst()
                .orElse("");
    }

    /** Every passage, in index order (read-only). */
    public List<Passage> all() {
        return Collections.unmodifiableList(passages);
    }

    /** How many passages are indexed. */
    public int size() {
        return passages.size();
    }

    /** The best {@code limit} passages for the question, best first; passages in {@code language} slightly preferred. */
    public List<Hit> search(String question, Language language, int limit) {
        NormalizedText query = normalizer.normalize(question);
        List<NormalizedText.Token> tokens = query.meaningful();
        if (tokens.size() > MAX_QUERY_WORDS) {
            tokens = tokens.subList(0, MAX_QUERY_WORDS);
        }
        if (tokens.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Set<String> words = new LinkedHashSet<>();
        Set<String> equivalents = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            NormalizedText.Token token = tokens.get(i);
            words.add(token.folded());
            builder.add(new TermQuery(new Term(FOLDED, token.folded())), BooleanClause.Occur.SHOULD);
            builder.add(
                    new BoostQuery(new TermQuery(new Term(WRITTEN, token.written())), WRITTEN_BOOST),
                    BooleanClause.Occur.SHOULD);
            builder.add(
                    new BoostQuery(new TermQuery(new Term(TITLE, token.folded())), TITLE_BOOST),
                    BooleanClause.Occur.SHOULD);
            if (i + 1 < tokens.size()) {
                builder.add(
                        new TermQuery(new Term(
                                FOLDED, token.folded() + " " + tokens.get(i + 1).folded())),
                        BooleanClause.Occur.SHOULD);
            }
            for (String equivalent : token.equivalentsFolded()) {
                equivalents.add(equivalent);
                builder.add(
                        new BoostQuery(new TermQuery(new Term(FOLDED, equivalent)), EQUIVALENT_BOOST),
                        BooleanClause.Occur.SHOULD);
            }
        }
        builder.setMinimumNumberShouldMatch(1);
        try {
            ScoreDoc[] top = searcher.search(builder.build(), Math.max(limit * 4, 20)).scoreDocs;
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc scored : top) {
                int i = searcher.storedFields()
                        .document(scored.doc)
                        .getField("i")
                        .numericValue()
                        .intValue();
                Passage passage = passages.get(i);
                double score = scored.score * (passage.language() == language ? SAME_LANGUAGE : 1.0);
                hits.add(new Hit(passage, score, coverage(words, equivalents, vocabularies.get(i))));
            }
            hits.sort((a, b) -> Double.compare(b.score() * (0.5 + b.coverage()), a.score() * (0.5 + a.coverage())));
            return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The share of the question's word weight found in the passage; an equivalent (passport ↔ hộ chiếu) counts too. */
    private double coverage(Set<String> words, Set<String> equivalents, Set<String> vocabulary) {
        double total = 0;
        double found = 0;
        for (String word : words) {
            double weight = Math.log(1 + (double) passages.size() / (1 + documentFrequency.getOrDefault(word, 0)));
            total += weight;
            if (vocabulary.contains(word)) {
                found += weight;
            }
        }
        if (total == 0) {
            return 0;
        }
        double share = found / total;
        if (share < 1 && equivalents.stream().anyMatch(vocabulary::contains)) {
            share = Math.min(1, share + 0.1);
        }
        return share;
    }
}
