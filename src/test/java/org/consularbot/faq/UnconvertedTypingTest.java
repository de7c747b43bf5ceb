package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vietnamese typed for Telex or VNI with the input method off, read as the plain syllables it stands for. */
class UnconvertedTypingTest {

    private static String decode(String message) {
        return UnconvertedTyping.decode(Folding.clean(message));
    }

    @Test
    void aTelexMessageReadsAsTheSameWordsWithoutDiacritics() {
        assertThat(decode("Hooj chieeus cuar em heets hanj roif, muoons gia hanj owr ddaau"))
                .isEqualTo("ho chieu cua em het han roi, muon gia han o dau");
        assertThat(decode("nguowif nhaf em bij ddau, xin cho hoir bao giowf dduwowcj veef"))
                .isEqualTo("nguoi nha em bi dau, xin cho hoi bao gio duoc ve");
    }

    @ParameterizedTest
    @CsvSource({
        "hoir, hoi",
        "veef, ve",
        "vieecj, viec",
        "chieeus, chieu",
        "owr, o",
        "nhaatj, nhat",
        "ddi, di",
        "dduwowcj, duoc",
        "nguowif, nguoi",
        "khoong, khong",
        "lamf, lam",
        "bawts, bat",
        "twf, tu",
        "tiesng, tieng",
    })
    void telexWordsDecodeToTheirSyllable(String typed, String plain) {
        assertThat(UnconvertedTyping.telex(typed))
                .map(UnconvertedTyping.Telex::plain)
                .contains(plain);
    }

    @ParameterizedTest
    @CsvSource({
        "ho65, ho",
        "chie61u, chieu",
        "ha5n, han",
        "d9i, di",
        "o73, o",
        "nguo72i, nguoi",
        "d9u7o75c, duoc",
        "Nha65t, nhat",
    })
    void vniWordsDecodeToTheirSyllable(String typed, String plain) {
        assertThat(decode(typed)).isEqualTo(plain);
    }

    @Test
    void aVniMessageReadsAsTheSameWordsWithoutDiacritics() {
        assertThat(decode("Ho65 chie61u cu3a em he61t ha5n ro62i, muo61n gia ha5n o73 d9a6u"))
                .isEqualTo("ho chieu cua em het han roi, muon gia han o dau");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "codes | F6 E7 B2 A1 A5 Q7 U23 H1B visa 485",
                "codes | covid19 vaccine, flight VN300, form TK1",
                "codes | passport C1234567, B12345678, born 1990, paid 2500000 dong, 500k",
                "English | How was this for you? Yes, the law says it has to be of use, as my boss saw",
                "English | Is there a poor man at the door? He lost his visa and the address is wrong",
                "English | I need to see the beer tax list soon, the cows in town",
                "chat | hc e het han r, lam lai o dsq dc ko a? j cung dc, s z",
                "chat | ck e vs vk mk ns ntn hc bn, k bt lam j r",
                "no diacritics | cho em hoi gia han ho chieu o nhat mat bao lau",
                "one ambiguous Telex word, no evidence | laf sao",
            })
    void leftAlone(String kind, String message) {
        assertThat(decode(message)).isEqualTo(Folding.clean(message));
    }

    @Test
    void aCodeStaysBesideVniWords() {
        assertThat(decode("bi5 covid19 o73 F6 co1 can2 ho65 chie61u A1"))
                .isEqualTo("bi covid19 o f6 co can ho chieu a1");
    }

    @Test
    void englishWordsThatWouldReadAsTelexAreSparedByLookingAtTheWholeMessage() {
        for (String word : new String[] {"this", "has", "how", "law", "saw", "of", "is", "lost"}) {
            assertThat(UnconvertedTyping.telex(word)).as(word).isPresent();
        }
        assertThat(decode("this has how law saw of is lost")).isEqualTo("this has how law saw of is lost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nguoi", "chieu", "quyen", "khuya", "giay", "nghieng", "duoc", "oanh", "yeu", "gi", "ky"})
    void syllables(String word) {
        assertThat(UnconvertedTyping.isSyllable(word)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"this", "has", "yes", "boss", "visa", "ko", "ci", "ghan", "chie", "ing", "coong", "hoir"})
    void notSyllables(String word) {
        assertThat(UnconvertedTyping.isSyllable(word)).isFalse();
    }

    @Test
    void theNormalizerGivesTelexAndVniTheWordsTypedWithoutDiacritics() {
        TextNormalizer normalizer = new TextNormalizer(TestCorpora.real().synonyms());
        NormalizedText plain = normalizer.normalize("cho em hoi lam lai ho chieu bi mat o dau");
        assertThat(plain.meaningful()).isNotEmpty();
        assertThat(normalizer.normalize("cho em hoir lamf laij hooj chieeu bij maats owr ddaau"))
                .isEqualTo(plain);
        assertThat(normalizer.normalize("cho em ho3i la2m la5i ho65 chie61u bi5 ma61t o73 d9a6u"))
                .isEqualTo(plain);
    }
}
