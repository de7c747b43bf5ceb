package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.text.Normalizer;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The normalizer with the real {@code faq/synonyms.txt}. */
class TextNormalizerTest {

    private static TextNormalizer normalizer;

    @BeforeAll
    static void loadSynonyms() {
        normalizer = new TextNormalizer(TestCorpora.real().synonyms());
    }

    private static List<String> folded(String text) {
        return normalizer.normalize(text).tokens().stream()
                .map(NormalizedText.Token::folded)
                .toList();
    }

    private static NormalizedText.Token token(NormalizedText text, String written) {
        return text.tokens().stream()
                .filter(t -> t.written().equals(written))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no token '" + written + "' in " + text.tokens()));
    }

    @Test
    void nfcAndNfdGiveTheSameTokens() {
        String nfc = "Cho em hỏi hộ chiếu hết hạn làm lại ở Đại sứ quán được không ạ";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(normalizer.normalize(nfd)).isEqualTo(normalizer.normalize(nfc));
        assertThat(normalizer.normalize(nfd).tokens()).isNotEmpty();
    }

    @Test
    void diacriticsAreFoldedIncludingDStroke() {
        NormalizedText text = normalizer.normalize("Đăng ký khai sinh đúng hạn");
        assertThat(text.folded()).isEqualTo("dang ky khai sinh dung han");
        assertThat(text.written()).isEqualTo("đăng ký khai sinh đúng hạn");
        assertThat(text.hadVietnameseMarks()).isTrue();
    }

    @Test
    void lowerCase() {
        assertThat(normalizer.normalize("HỘ CHIẾU HẾT HẠN").written()).isEqualTo("hộ chiếu hết hạn");
        assertThat(normalizer.normalize("PASSPORT EXPIRED").folded()).isEqualTo("passport expired");
    }

    @Test
    void zeroWidthBomControlAndBidiCharactersAreRemoved() {
        String dirty = "\uFEFF\u200Bhộ\u200B chiếu\u200F \u200Ehết\u0007 \u202Ehạn\u0000\u200B";
        NormalizedText text = normalizer.normalize(dirty);
        assertThat(text).isEqualTo(normalizer.normalize("hộ chiếu hết hạn"));
        assertThat(text.written()).isEqualTo("hộ chiếu hết hạn");
        text.tokens().forEach(t -> assertThat(t.written()).matches("\\p{L}+"));
    }

    @ParameterizedTest
    @CsvSource({
        "hc, hộ chiếu",
        "HC, hộ chiếu",
        "đsq, đại sứ quán",
        "dsq, đại sứ quán",
        "ĐSQ, đại sứ quán",
        "ko, không",
        "k, không",
        "ntn, như thế nào",
    })
    void abbreviationsAreRewrittenToTheFullWords(String abbreviation, String full) {
        NormalizedText text = normalizer.normalize(abbreviation);
        assertThat(text.written()).isEqualTo(full);
        assertThat(text.folded()).isEqualTo(Folding.fold(full));
        assertThat(text.tokens()).noneMatch(NormalizedText.Token::filler);
    }

    @Test
    void abbreviationsInsideASentence() {
        assertThat(normalizer.normalize("hc e het han r, dsq co lam ko").written())
                .isEqualTo("hộ chiếu em het han rồi đại sứ quán co lam không");
    }

    @Test
    void longestAbbreviationWins() {
        // "kh" alone is "không", but "kh sinh" is "khai sinh"; "dc k" is "được không"
        assertThat(normalizer.normalize("kh sinh").written()).isEqualTo("khai sinh");
        assertThat(normalizer.normalize("dc k").written()).isEqualTo("được không");
    }

    @Test
    void fillersAreFlaggedAndLeftOutOfWrittenAndFolded() {
        NormalizedText text = normalizer.normalize("cho em hỏi gia hạn hộ chiếu ạ");
        assertThat(text.tokens())
                .extracting(NormalizedText.Token::written)
                .containsExactly("cho", "em", "hỏi", "gia", "hạn", "hộ", "chiếu", "ạ");
        assertThat(text.tokens())
                .extracting(NormalizedText.Token::filler)
                .containsExactly(true, true, true, false, false, false, false, true);
        assertThat(text.written()).isEqualTo("gia hạn hộ chiếu");
        assertThat(text.folded()).isEqualTo("gia han ho chieu");
        assertThat(text.meaningful())
                .extracting(NormalizedText.Token::written)
                .containsExactly("gia", "hạn", "hộ", "chiếu");
    }

    @Test
    void aMessageOfOnlyFillersHasNoMeaningfulWords() {
        NormalizedText text = normalizer.normalize("dạ cho em hỏi ạ");
        assertThat(text.isEmpty()).isFalse();
        assertThat(text.meaningful()).isEmpty();
        assertThat(text.written()).isEmpty();
    }

    @Test
    void equivalentsAreAttached() {
        NormalizedText passport = normalizer.normalize("passport");
        assertThat(token(passport, "passport").equivalentsFolded()).contains("ho chieu");
        NormalizedText vietnamese = normalizer.normalize("hộ chiếu");
        assertThat(token(vietnamese, "hộ").equivalentsFolded()).contains("passport");
        assertThat(token(vietnamese, "chiếu").equivalentsFolded()).isEmpty(); // only on the phrase's first word
        assertThat(token(normalizer.normalize("embassy"), "embassy").equivalentsFolded())
                .contains("dai su quan", "consulate");
    }

    @Test
    // Regression test for a bug found in review (it failed before the fix).
    void anAbbreviationNormalizesLikeItsFullWords() {
        assertThat(normalizer.normalize("hc").tokens())
                .isEqualTo(normalizer.normalize("hộ chiếu").tokens());
        assertThat(normalizer.normalize("dsq").tokens().get(0).equivalentsFolded())
                .contains("embassy");
    }

    @Test
    // Regression test for a bug found in review (it failed before the fix).
    void wordsWithOtherDiacriticsThanAFillerOrAbbreviationKeepTheirMeaning() {
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(normalizer.normalize("thị trường").written()).isEqualTo("thị trường");
            soft.assertThat(normalizer.normalize("sập nhà").written()).isEqualTo("sập nhà");
            soft.assertThat(normalizer.normalize("Hà Nội").written()).isEqualTo("hà nội");
            soft.assertThat(normalizer.normalize("mất cả hộ chiếu").written()).isEqualTo("mất cả hộ chiếu");
        });
    }

    @Test
    void hundredKilobytesDoNotThrowAndOnlyTheBeginningIsRead() {
        String huge = "hộ chiếu hết hạn ".repeat(6_000); // about 100 KB
        assertThat(huge.length()).isGreaterThan(100_000);
        assertThatCode(() -> normalizer.normalize(huge)).doesNotThrowAnyException();
        assertThat(normalizer.normalize(huge).tokens().size()).isLessThanOrEqualTo(TextNormalizer.MAX_CHARS / 2);
        assertThatCode(() -> normalizer.normalize("x".repeat(100_000))).doesNotThrowAnyException();
    }

    @Test
    void emojiOnlyGivesNoMeaningfulTokens() {
        NormalizedText text = normalizer.normalize("🙏🙏🙏 😭😭 👍🏽");
        assertThat(text.meaningful()).isEmpty();
        assertThat(text.written()).isEmpty();
        assertThat(text.hadVietnameseMarks()).isFalse();
    }

    @Test
    void nullAndBlankAreEmpty() {
        assertThat(normalizer.normalize(null).isEmpty()).isTrue();
        assertThat(normalizer.normalize("   \t\n").isEmpty()).isTrue();
    }

    @Test
    void foldedInputIsNotMarkedVietnamese() {
        assertThat(normalizer.normalize("ho chieu het han").hadVietnameseMarks())
                .isFalse();
        assertThat(folded("ho chieu het han")).containsExactly("ho", "chieu", "het", "han");
    }
}
