package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;

/**
 * The Lucene side of our Vietnamese analysis, shared by the FAQ matcher and the passage index: text arrives
 * already normalised by {@link TextNormalizer}, so Lucene only splits on spaces, and adds two-word syllable pairs
 * ("ho chieu") everywhere except in the written-form field.
 */
final class VietnameseAnalysis {

    private VietnameseAnalysis() {}

    /** Words and syllable pairs in every field but {@code writtenField}, which gets words only. */
    static Analyzer analyzer(String writtenField) {
        Analyzer shingles = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
                ShingleFilter pairs = new ShingleFilter(tokenizer, 2, 2);
                pairs.setOutputUnigrams(true);
                return new TokenStreamComponents(tokenizer, pairs);
            }
        };
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer, tokenizer);
            }
        };
        return new PerFieldAnalyzerWrapper(shingles, Map.of(writtenField, words));
    }

    /** Adjacent folded words as "a b", the same pairs the analyzer indexes. */
    static List<String> pairs(List<NormalizedText.Token> tokens) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            pairs.add(tokens.get(i).folded() + " " + tokens.get(i + 1).folded());
        }
        return pairs;
    }
}
