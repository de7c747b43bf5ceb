package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code examples/*.tsv}: read with their labels, and every mislabelled line named with its file and line. */
class ExampleReaderTest {

    private static final String HEADER = "expected\tkind\turgent\tsituation\tclass\tcountry\tprevious\tquestion\n";

    @TempDir
    Path tmp;

    private CorpusLoader.Report check(String examples) {
        Path root = TestCorpora.copyWithoutEntries(tmp);
        TestCorpora.write(root.resolve("entries/passport.yaml"), """
                entries:
                  - id: p.renew
                    topic: passport.issue
                    questions:
                      vi: [Gia hạn hộ chiếu, Đổi hộ chiếu hết hạn, Làm lại hộ chiếu]
                      en: [Renew my passport, Passport expired, Replace my passport]
                    answer:
                      vi: Xem {{mission_website}}.
                      en: See {{mission_website}}.
                    sources: [https://lanhsuvietnam.gov.vn/]
                    reviewed: 2026-11-01
                """);
        TestCorpora.write(root.resolve("examples/real.tsv"), HEADER + examples);
        return new CorpusLoader(TestCorpora.CLOCK).check(root);
    }

    @Test
    void everyKindIsReadWithItsLabel() {
        CorpusLoader.Report report = check("""
                emergency.arrest\turgent\tyes\tarrest\t-\tJapan\t-\tcon em bị công an bắt sáng nay
                chitchat\tchitchat\tno\t-\tthanks\t-\t-\tcảm ơn nhiều nha
                decline\tdecline\tno\t-\tpolitics\t-\t-\tbạn nghĩ gì về bầu cử
                passport.issue\ten\tno\t-\t-\t-\t-\thow do I renew my passport
                """);
        assertThat(report.problems()).isEmpty();
        assertThat(report.corpus().orElseThrow().examples())
                .containsExactly(
                        new Example(Example.Kind.URGENT, "arrest", "con em bị công an bắt sáng nay"),
                        new Example(Example.Kind.CHITCHAT, "thanks", "cảm ơn nhiều nha"),
                        new Example(Example.Kind.DECLINE, "politics", "bạn nghĩ gì về bầu cử"),
                        new Example(Example.Kind.QUESTION, "passport.issue", "how do I renew my passport"));
    }

    @Test
    void smallTalkAndDeclinesMayBeMarkedInTheExpectedColumnAndAFollowUpTeachesNoTopic() {
        CorpusLoader.Report report = check("""
                chitchat\tvi-nd\tno\t-\tthanks\t-\t-\tcam on nhieu nha
                decline\ten\tno\t-\toff-topic\t-\t-\twho wins the league this year
                passport.issue\tvi-nd\tno\t-\t-\t-\t-\tgia han ho chieu o dau
                fees\tfollowup\tno\t-\t-\t-\tgia han ho chieu o dau\tcon phi thi sao
                """);
        assertThat(report.problems()).isEmpty();
        assertThat(report.corpus().orElseThrow().examples())
                .containsExactly(
                        new Example(Example.Kind.CHITCHAT, "thanks", "cam on nhieu nha"),
                        new Example(Example.Kind.DECLINE, "off-topic", "who wins the league this year"),
                        new Example(Example.Kind.QUESTION, "passport.issue", "gia han ho chieu o dau"),
                        new Example(Example.Kind.QUESTION, "", "con phi thi sao"));
    }

    @Test
    void anUnknownSituationOrClassIsNamedWithItsLine() {
        CorpusLoader.Report report = check("""
                emergency.arrest\turgent\tyes\tjailed\t-\t-\t-\tbị bắt rồi
                chitchat\tchitchat\tno\t-\thello\t-\t-\tchào
                decline\tdecline\tno\t-\t-\t-\t-\tcho vay tiền
                """);
        assertThat(report.corpus()).isEmpty();
        assertThat(report.problems())
                .extracting(CorpusProblem::toString)
                .containsExactly(
                        "examples/real.tsv:2: an urgent message needs a situation of urgent.yaml " + situations()
                                + ", not 'jailed'",
                        "examples/real.tsv:3: chitchat needs a class of smalltalk.yaml [ack, bot, frustration, goodbye, greeting, thanks], not 'hello'",
                        "examples/real.tsv:4: decline needs a class of smalltalk.yaml [host-authority, loan-job, off-topic, politics, third-country, vn-domestic], not 'null'");
    }

    @Test
    void aFileWithoutTheQuestionColumnIsRefused() {
        Path root = TestCorpora.copyWithoutEntries(tmp);
        TestCorpora.write(root.resolve("examples/bad.tsv"), "kind\tmessage\nurgent\tcứu\n");
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(root);
        assertThat(report.problems())
                .extracting(CorpusProblem::toString)
                .contains(
                        "examples/bad.tsv:1: the first line must name the columns, among them 'question' (and 'kind', 'urgent', 'situation', 'class')");
    }

    @Test
    void examplesOfOneKindOnlyInACorpusOfOneTopicLoadAndReadNothing() {
        Corpus corpus = check("passport.issue\ten\tno\t-\t-\t-\t-\thow do I renew my passport\n")
                .corpus()
                .orElseThrow();
        NormalizedText text = new TextNormalizer(corpus.synonyms()).normalize("renew my passport");
        assertThat(corpus.classifier().read(text, "renew my passport")).isEqualTo(MessageClassifier.Reading.NOTHING);
        assertThat(corpus.classifier().read(text, "renew my passport").topics()).isEmpty();
    }

    @Test
    void aCorpusWithoutExamplesReadsNothing() {
        Corpus corpus = check("").corpus().orElseThrow();
        assertThat(corpus.examples()).isEmpty();
        NormalizedText text = new TextNormalizer(corpus.synonyms()).normalize("cứu em, em bị bắt cóc");
        assertThat(corpus.classifier().read(text, "cứu em, em bị bắt cóc"))
                .isEqualTo(MessageClassifier.Reading.NOTHING);
    }

    private static String situations() {
        return TestCorpora.real().urgentRules().situations().stream()
                .map(UrgentRules.Situation::id)
                .sorted()
                .toList()
                .toString();
    }
}
