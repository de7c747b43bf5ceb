package org.consularbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The yardstick: one Lucene document per entry (questions, keywords and answers), StandardAnalyzer, BM25, no
 * Vietnamese handling, no emergency detection. Answers whenever anything matches unless the best two are close.
 */
final class Bm25BaselineMatcher implements FaqMatcher {

    private static final String TEXT = "text";
    private static final int CANDIDATES = 10;
    private static final double CLOSE_RATIO = 0.9;

    private final Corpus corpus;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final IndexSearcher searcher;

    Bm25BaselineMatcher(Corpus corpus) {
        this.corpus = corpus;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < corpus.entries().size(); i++) {
                FaqEntry entry = corpus.entries().get(i);
                StringBuilder text = new StringBuilder();
                for (Language language : Language.values()) {
                    entry.questions(language).forEach(q -> text.append(q).append('\n'));
                    text.append(corpus.answer(entry, language)).append('\n');
                }
                text.append(String.join(" ", entry.keywords()));
                Document doc = new Document();
                doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
                doc.add(new StoredField("entry", i));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            searcher = new IndexSearcher(DirectoryReader.open(writer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "bm25";
    }

    @Override
    public MatchResult match(String message) {
        String text = message == null
                ? ""
                : message.length() > TextNormalizer.MAX_CHARS
                        ? message.substring(0, TextNormalizer.MAX_CHARS)
                        : message;
        List<Candidate> ranked = new ArrayList<>();
        try {
            Query query = new QueryBuilder(analyzer).createBooleanQuery(TEXT, text);
            ScoreDoc[] hits = query == null ? new ScoreDoc[0] : searcher.search(query, CANDIDATES).scoreDocs;
            for (ScoreDoc hit : hits) {
                int entry = searcher.storedFields()
                        .document(hit.doc)
                        .getField("entry")
                        .numericValue()
                        .intValue();
                ranked.add(new Candidate(corpus.entries().get(entry), hit.score, 0));
            }
        } catch (IndexSearcher.TooManyClauses e) {
            ranked.clear(); // nothing searchable in the message
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tier tier = ranked.isEmpty()
                ? Tier.FALLBACK
                : ranked.size() > 1
                                && ranked.get(1).score()
                                        >= CLOSE_RATIO * ranked.get(0).score()
                        ? Tier.SUGGEST
                        : Tier.ANSWER;
        boolean vietnamese = Folding.hasVietnameseMarks(Folding.clean(text));
        return new MatchResult(tier, vietnamese ? Language.VI : Language.EN, ranked, Optional.empty());
    }
}
