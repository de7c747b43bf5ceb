package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Language detection with the vocabularies of the real corpus. */
class LanguageDetectorTest {

    private static TextNormalizer normalizer;
    private static LanguageDetector detector;

    @BeforeAll
    static void load() {
        Corpus corpus = TestCorpora.real();
        normalizer = new TextNormalizer(corpus.synonyms());
        detector = new LanguageDetector(corpus, normalizer);
    }

    private static Language detect(String message) {
        return detector.detect(normalizer.normalize(message));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "hộ chiếu hết hạn làm lại ở đâu | VI",
                "Đà Nẵng | VI",
                "passport hết hạn | VI",
                "ho chieu het han lam lai o dau | VI",
                "dang ky khai sinh cho con sinh o Canada | VI",
                "e lm mat hc r, h phai lm j | VI",
                "how do I renew my passport | EN",
                "I lost my Vietnamese passport. What should I do? | EN",
                "my wife is in hospital | EN",
                "cho em hỏi renew passport cần gì | VI",
                "cho em hoi renew passport can gi | VI",
            })
    void detectsTheLanguageToAnswerIn(String message, Language expected) {
        assertThat(detect(message)).as(message).isEqualTo(expected);
    }

    @Test
    void diacriticsSettleItEvenAmongEnglishWords() {
        assertThat(detect("how do I renew my passport ạ")).isEqualTo(Language.VI);
        assertThat(detect("how do I renew my passport a")).isEqualTo(Language.EN);
    }

    @Test
    void nothingToGoOnMeansVietnamese() {
        assertThat(detect("")).isEqualTo(Language.VI);
        assertThat(detect("🙏🙏🙏")).isEqualTo(Language.VI);
        assertThat(detect("12345")).isEqualTo(Language.VI);
    }

    @Test
    void languageCodes() {
        assertThat(Language.VI.code()).isEqualTo("vi");
        assertThat(Language.fromCode(" EN ")).contains(Language.EN);
        assertThat(Language.fromCode("fr")).isEmpty();
        assertThat(Language.fromCode(null)).isEmpty();
    }
}
