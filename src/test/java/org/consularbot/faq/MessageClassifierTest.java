package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classifier trained on the real corpus's examples reads messages that are not among them (checked: none of
 * these lines is in {@code faq/examples/}). Clear cases only: the figures on unclear ones are the blind set's.
 */
class MessageClassifierTest {

    private static MessageClassifier.Reading read(String message) {
        Corpus corpus = TestCorpora.real();
        return corpus.classifier().read(new TextNormalizer(corpus.synonyms()).normalize(message), message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Anh trai tôi bị công an Đài Loan còng tay đưa đi từ sáng, cả nhà không biết anh bị giữ ở đâu | arrest",
                "bo em bi tai nan giao thong o Seoul, dang cap cuu trong bv, nha em ko ai noi dc tieng Han | medical",
                "my sister has not answered her phone for six days and her employer says she left, we are scared | missing",
                "động đất lớn quá, nhà trọ tụi em sập một nửa, đang đứng ngoài đường không biết đi đâu | disaster",
            })
    void unseenEmergenciesReadAsUrgentWithTheirSituation(String message, String situation) {
        MessageClassifier.Reading reading = read(message);
        assertThat(reading.urgent())
                .as(message + ": at least the danger button")
                .isGreaterThanOrEqualTo(ReadingPolicy.DEFAULT.unsureEmergency());
        assertThat(reading.situation()).isEqualTo(situation);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tuần sau em muốn gia hạn hộ chiếu ở Osaka thì cần mang giấy tờ gì ạ",
                "How long does it take to get a certificate of single status for my wedding in Melbourne?",
            })
    void ordinaryQuestionsAreNotUrgentNorSmallTalk(String message) {
        MessageClassifier.Reading reading = read(message);
        assertThat(reading.urgent()).as(message).isLessThan(0.2);
        assertThat(reading.chitchat() + reading.decline()).as(message).isLessThan(0.3);
    }

    @Test
    void aMessageOfWordsTheModelNeverSawIsNotRead() {
        assertThat(read("xqzv blorf")).isEqualTo(MessageClassifier.Reading.NOTHING);
        assertThat(read("a".repeat(5_000))).isEqualTo(MessageClassifier.Reading.NOTHING);
        assertThat(read("สวัสดีครับ วันนี้อากาศดีไหม")).isEqualTo(MessageClassifier.Reading.NOTHING);
    }

    @Test
    void smallTalkAndDeclinesGetTheirClass() {
        assertThat(read("cảm ơn nhiều nha bạn, giúp được mình nhiều lắm").chitchatClass())
                .isEqualTo("thanks");
        assertThat(read("cảm ơn nhiều nha bạn, giúp được mình nhiều lắm").chitchat())
                .isGreaterThan(0.5);
        MessageClassifier.Reading loan = read("sứ quán cho em vay 20 triệu để trả tiền nhà tháng này được không");
        assertThat(loan.declineClass()).isEqualTo("loan-job");
        assertThat(loan.decline()).isGreaterThan(0.5);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hộ chiếu của cháu còn 2 tháng nữa hết hạn, cháu đang học ở Lyon thì xin cấp đổi thế nào ạ | passport.issue",
                "we got married in Auckland last spring, how do we record the marriage with Vietnam? | civil.marriage",
                "em can xin phieu ly lich tu phap so 2 de nop ho so dinh cu, o nuoc ngoai thi lam sao | judicial-record",
            })
    void unseenQuestionsAreReadWithTheirTopicMostLikely(String message, String topic) {
        Corpus corpus = TestCorpora.real();
        Map<String, Double> topics = corpus.classifier()
                .read(new TextNormalizer(corpus.synonyms()).normalize(message), message)
                .topics();
        assertThat(topics).hasSize(corpus.topics().size());
        assertThat(topics.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey())
                .as(message)
                .isEqualTo(topic);
        assertThat(topics.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, Offset.offset(1e-6));
    }

    @Test
    void aMessageOfUnknownWordsHasNoTopicReading() {
        Corpus corpus = TestCorpora.real();
        assertThat(corpus.classifier()
                        .read(new TextNormalizer(corpus.synonyms()).normalize("zorbl quxx fnord"), "zorbl quxx fnord")
                        .topics())
                .isEmpty();
    }

    @Test
    void theMatcherRaisesAnEmergencyThePhrasesMissedAndConfirmsOneTheyWereUnsureOf() {
        FaqMatcher matcher = FaqMatchers.vietnameseAware(TestCorpora.real());
        MatchResult missed =
                matcher.match("my brother went to work in Cambodia and now they will not let him leave the "
                        + "building, he says they beat people who do not reach targets");
        assertThat(missed.tier()).isEqualTo(Tier.EMERGENCY);
        assertThat(missed.emergency().orElseThrow().situation()).isEqualTo("trafficking");
        assertThat(missed.emergency().orElseThrow().evidence())
                .as("no phrase, only the reading")
                .startsWith("(learned");
        MatchResult confirmed = matcher.match(
                "con em đi làm ở Đài Loan 5 ngày rồi không nghe máy, chủ nhà trọ bảo nó " + "không về, cả nhà lo lắm");
        assertThat(confirmed.tier()).isEqualTo(Tier.EMERGENCY);
        assertThat(confirmed.emergency().orElseThrow().evidence())
                .as("a phrase's maybe, made sure")
                .contains("(learned");
    }

    @Test
    void theSameExamplesTrainTheSameModel() {
        Corpus real = TestCorpora.real();
        Corpus again = new Corpus(
                        real.topics(),
                        real.entries(),
                        real.mission(),
                        real.synonyms(),
                        real.urgentRules(),
                        real.smallTalk(),
                        real.origin(),
                        real.docs(),
                        real.examples(),
                        null)
                .trained();
        String message = "chồng em đánh em suốt, tối nay em không dám về nhà";
        NormalizedText text = new TextNormalizer(real.synonyms()).normalize(message);
        assertThat(again.classifier().read(text, message))
                .isEqualTo(real.classifier().read(text, message));
    }
}
