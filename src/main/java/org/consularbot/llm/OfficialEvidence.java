package org.consularbot.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.consularbot.faq.Language;
import org.consularbot.faq.Passage;
import org.consularbot.faq.PassageIndex;

/**
 * The official passages relevant enough to answer from: retrieved with the matcher's analysis, kept only when
 * they score well and cover much of the question (a passage sharing one word with "what's the weather" is not
 * evidence). Thresholds chosen on eval/passages.tsv (in scope) against the out-of-scope messages of eval/dev.tsv:
 * 0.90 of in-scope questions keep their best passage, 0.95 of out-of-scope ones get none (docs/fallback.md).
 */
public final class OfficialEvidence {

    static final double MIN_SCORE = 14;
    static final double MIN_COVERAGE = 0.45;

    private final PassageIndex index;
    private final double minScore;
    private final double minCoverage;

    public OfficialEvidence(PassageIndex index) {
        this(index, MIN_SCORE, MIN_COVERAGE);
    }

    OfficialEvidence(PassageIndex index, double minScore, double minCoverage) {
        this.index = index;
        this.minScore = minScore;
        this.minCoverage = minCoverage;
    }

    /** Up to {@code max} relevant passages, best first, at most {@code perDocument} from one entry or bulletin. */
    public List<Passage> relevant(String question, Language language, int max, int perDocument) {
        List<PassageIndex.Hit> kept = new ArrayList<>();
        for (PassageIndex.Hit hit : index.search(question, language, max * 3)) {
            if (hit.score() >= minScore && hit.coverage() >= minCoverage) {
                kept.add(hit);
            }
        }
        // The citizen's language first: an FAQ answer present in both languages is kept in theirs.
        List<Passage> candidates = dropOtherLanguageTwins(
                kept.stream().map(PassageIndex.Hit::passage).toList(), language);
        List<Passage> chosen = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        for (Passage passage : candidates) {
            if (chosen.size() >= max) {
                break;
            }
            if (docs.stream().filter(passage.docId()::equals).count() >= perDocument) {
                continue;
            }
            docs.add(passage.docId());
            chosen.add(passage);
        }
        return chosen;
    }

    /** An FAQ answer comes in both languages; keep the citizen's when both made it. */
    private static List<Passage> dropOtherLanguageTwins(List<Passage> passages, Language language) {
        Set<String> inLanguage = new HashSet<>();
        passages.stream().filter(p -> p.language() == language).forEach(p -> inLanguage.add(p.docId()));
        return passages.stream()
                .filter(p -> p.language() == language || !inLanguage.contains(p.docId()))
                .toList();
    }
}
