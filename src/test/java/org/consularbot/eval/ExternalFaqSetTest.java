package org.consularbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.TestCorpora;
import org.consularbot.faq.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalFaqSetTest {

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static final String JSONL = """
            {"id": "renew", "question": "How do I renew my passport?", "answer": "Apply at the embassy.", "topic": "passport", "lang": "en"}
            {"id": "renew", "question": "Làm lại hộ chiếu ở đâu?", "answer": "Nộp hồ sơ tại đại sứ quán.", "lang": "vi"}

            {"id": "renew", "question": "passport renewal", "answer": "A different answer is ignored.", "lang": "en"}
            {"id": "visa", "question": "Do I need a visa for Vietnam?", "answer": "See the e-visa portal."}
            {"id": "visa", "question": "Can I get a visa on arrival?", "lang": "fr"}
            """;

    private static void assertGroupedById(Corpus corpus) {
        assertThat(corpus.entries()).extracting(FaqEntry::id).containsExactly("renew", "visa");
        FaqEntry renew = corpus.entry("renew").orElseThrow();
        assertThat(renew.topic()).isEqualTo("passport");
        assertThat(renew.questions(Language.EN)).containsExactly("How do I renew my passport?", "passport renewal");
        assertThat(renew.questions(Language.VI)).containsExactly("Làm lại hộ chiếu ở đâu?");
        assertThat(renew.answers())
                .containsEntry(Language.EN, "Apply at the embassy.")
                .containsEntry(Language.VI, "Nộp hồ sơ tại đại sứ quán.");
        FaqEntry visa = corpus.entry("visa").orElseThrow();
        assertThat(visa.topic()).isEqualTo("imported");
        assertThat(visa.questions(Language.EN)) // no lang, and an unknown lang, count as English
                .containsExactly("Do I need a visa for Vietnam?", "Can I get a visa on arrival?");
        assertThat(visa.questions(Language.VI)).isEmpty();
        assertThat(visa.answers()).containsOnlyKeys(Language.EN);
        assertThat(corpus.topics()).containsOnlyKeys("passport", "imported");
    }

    @Test
    void jsonlRowsAreGroupedById() throws Exception {
        Path jsonl = file("set.jsonl", JSONL);
        Corpus corpus = ExternalFaqSet.read(jsonl, TestCorpora.real());
        assertGroupedById(corpus);
        assertThat(corpus.origin()).isEqualTo(jsonl.toString());
        assertThat(corpus.entries()).allSatisfy(e -> assertThat(e.sources()).containsExactly(jsonl.toString()));
    }

    @Test
    void csvRowsAreGroupedById() throws Exception {
        Path csv = file("set.csv", """
                id,question,answer,topic,lang
                renew,How do I renew my passport?,Apply at the embassy.,passport,en
                renew,Làm lại hộ chiếu ở đâu?,Nộp hồ sơ tại đại sứ quán.,passport,vi
                renew,passport renewal,"A different answer, ignored.",passport,en
                visa,"Do I need a visa for Vietnam?","See the e-visa portal.",imported,
                visa,Can I get a visa on arrival?,,imported,fr
                """);
        assertGroupedById(ExternalFaqSet.read(csv, TestCorpora.real()));
    }

    @Test
    void csvWithOnlyTheRequiredColumns() throws Exception {
        Path csv = file("min.csv", "id,question,answer\nq1,\"Where is the embassy, please?\",\"In Ottawa.\"\n");
        Corpus corpus = ExternalFaqSet.read(csv, TestCorpora.real());
        assertThat(corpus.entries()).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo("imported");
            assertThat(e.questions(Language.EN)).containsExactly("Where is the embassy, please?");
        });
    }

    @Test
    void theBaseCorpusLendsMissionSynonymsAndUrgentPhrases() throws Exception {
        Corpus base = TestCorpora.real();
        Corpus corpus = ExternalFaqSet.read(file("set.jsonl", JSONL), base);
        assertThat(corpus.mission()).isEqualTo(base.mission());
        assertThat(corpus.synonyms()).isEqualTo(base.synonyms());
        assertThat(corpus.urgentRules()).isEqualTo(base.urgentRules());
        assertThat(corpus.hotline()).isEqualTo(TestCorpora.HOTLINE);
    }

    @Test
    void theImportedCorpusCanBeMatched() throws Exception {
        Corpus corpus = ExternalFaqSet.read(file("set.jsonl", JSONL), TestCorpora.real());
        assertThat(FaqMatchers.vietnameseAware(corpus)
                        .match("How do I renew my passport?")
                        .top())
                .hasValueSatisfying(c -> assertThat(c.entry().id()).isEqualTo("renew"));
        assertThat(FaqMatchers.bm25Baseline(corpus).match("visa on arrival").top())
                .hasValueSatisfying(c -> assertThat(c.entry().id()).isEqualTo("visa"));
    }

    @Test
    void csvRowWithoutQuestionNamesItsRow() throws Exception {
        Path csv = file("bad.csv", "id,question,answer\nq1,Where?,There.\nq2,,Nothing asked.\n");
        assertThatThrownBy(() -> ExternalFaqSet.read(csv, TestCorpora.real()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 3")
                .hasMessageContaining("'id' and 'question'");
    }

    @Test
    void jsonlRowWithoutIdIsAnError() throws Exception {
        Path jsonl = file("bad.jsonl", "{\"id\": \"a\", \"question\": \"q\"}\n{\"question\": \"no id\"}\n");
        assertThatThrownBy(() -> ExternalFaqSet.read(jsonl, TestCorpora.real()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'id' and 'question'");
    }

    @Test
    // Regression test for a bug found in review (it failed before the fix).
    void jsonlErrorNamesTheLineOfTheBadObject() throws Exception {
        Path jsonl = file("bad.jsonl", "{\"question\": \"no id on line 1\"}\n");
        assertThatThrownBy(() -> ExternalFaqSet.read(jsonl, TestCorpora.real()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 ");
    }

    @Test
    void emptyFileGivesAnEmptyCorpus() throws Exception {
        assertThat(ExternalFaqSet.read(file("empty.jsonl", "\n\n"), TestCorpora.real())
                        .entries())
                .isEmpty();
    }

    /**
     * Regression: the imported set was read with the bundled corpus's declines and examples, so FEMA's "How do I
     * appeal?" was declined as a host-country matter and half the set's questions got no entry.
     */
    @Test
    void anImportedSetDefinesItsOwnScope() throws Exception {
        Corpus corpus = ExternalFaqSet.read(file("set.jsonl", """
                {"id": "appeal", "question": "You may appeal any decision in writing", "answer": "To appeal, write a signed letter explaining why you disagree with the decision, within 60 days of the decision letter.", "lang": "en"}
                {"id": "repay", "question": "In most cases grants do not have to be repaid", "answer": "No. Grants do not have to be paid back, unless insurance later covers the same costs.", "lang": "en"}
                """), TestCorpora.real());

        assertThat(corpus.smallTalk().decline()).isEmpty();
        assertThat(corpus.smallTalk().chitchat()).isNotEmpty();
        assertThat(corpus.examples()).isEmpty();
        MatchResult appeal = FaqMatchers.vietnameseAware(corpus).match("How do I appeal?");
        assertThat(appeal.tier()).isIn(Tier.ANSWER, Tier.SUGGEST);
        assertThat(appeal.top())
                .hasValueSatisfying(c -> assertThat(c.entry().id()).isEqualTo("appeal"));
    }

    /** An entry with one phrasing is described by its answer: words only the answer uses find it and count. */
    @Test
    void anEntryWithOnePhrasingIsFoundByItsAnswer() throws Exception {
        Corpus corpus = ExternalFaqSet.read(file("set.jsonl", """
                {"id": "appeal", "question": "You may appeal any decision in writing", "answer": "Include documents that support your appeal: receipts, estimates, an insurance settlement letter.", "lang": "en"}
                {"id": "repay", "question": "In most cases grants do not have to be repaid", "answer": "No. Grants do not have to be paid back, unless insurance later covers the same costs.", "lang": "en"}
                {"id": "shelter", "question": "Hotel stays are paid directly to the hotel", "answer": "Transitional sheltering pays participating hotels directly for your room.", "lang": "en"}
                """), TestCorpora.real());

        MatchResult receipts = FaqMatchers.vietnameseAware(corpus).match("Should I send receipts and estimates?");

        assertThat(receipts.tier()).isIn(Tier.ANSWER, Tier.SUGGEST);
        assertThat(receipts.top())
                .hasValueSatisfying(c -> assertThat(c.entry().id()).isEqualTo("appeal"));
    }
}
