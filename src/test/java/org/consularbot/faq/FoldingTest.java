package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FoldingTest {

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @Test
    void cleanComposesDecomposedInputToNfc() {
        String nfc = "hộ chiếu Đà Nẵng";
        assertThat(nfd(nfc)).isNotEqualTo(nfc); // the fixture really differs
        assertThat(Folding.clean(nfd(nfc))).isEqualTo(Folding.clean(nfc)).isEqualTo("hộ chiếu đà nẵng");
    }

    @Test
    void cleanLowerCasesIncludingVietnameseCapitals() {
        assertThat(Folding.clean("HỘ CHIẾU ĐẠI SỨ QUÁN")).isEqualTo("hộ chiếu đại sứ quán");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\uFEFF", "\u200E", "\u200F", "\u202E", "\u2066", "\u00AD", "\u2060"})
    void cleanRemovesFormatCharactersSoTheyCannotSplitOrHideAWord(String invisible) {
        assertThat(Folding.clean("b" + invisible + "ắt")).isEqualTo("bắt");
        assertThat(Folding.clean("hộ" + invisible + " chiếu")).isEqualTo("hộ chiếu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001B", "\u007F", "\u0085"})
    void cleanTurnsControlCharactersIntoSpaces(String control) {
        assertThat(Folding.clean("hộ" + control + "chiếu"))
                .doesNotContain(control)
                .isEqualTo("hộ chiếu");
    }

    @Test
    void cleanFoldsFullWidthAndStyledLettersAndLatinLookAlikes() {
        assertThat(Folding.clean("ｈộ ｃｈｉếｕ")).isEqualTo("hộ chiếu");
        assertThat(Folding.clean("bị bаt")).as("Cyrillic а inside a Latin word").isEqualTo("bị bat");
        assertThat(Folding.clean("помощь")).as("a Russian word stays Russian").isEqualTo("помощь");
    }

    @Test
    void cleanOfNullOrEmptyIsEmpty() {
        assertThat(Folding.clean(null)).isEmpty();
        assertThat(Folding.clean("")).isEmpty();
    }

    @Test
    void foldRemovesToneMarksAndVowelMarks() {
        assertThat(Folding.fold("hộ chiếu hết hạn ở đâu")).isEqualTo("ho chieu het han o dau");
        assertThat(Folding.fold("ăâêôơư ÁÀẢÃẠ")).isEqualTo("aaeoou AAAAA");
    }

    @Test
    void foldTurnsDStrokeIntoD() {
        assertThat(Folding.fold("đại sứ quán")).isEqualTo("dai su quan");
        assertThat(Folding.fold("Đà Nẵng")).isEqualTo("Da Nang");
        assertThat(Folding.fold("ĐSQ")).isEqualTo("DSQ");
    }

    @Test
    void foldGivesTheSameForNfcAndNfd() {
        assertThat(Folding.fold(nfd("Nguyễn Thị Ánh Tuyết")))
                .isEqualTo(Folding.fold("Nguyễn Thị Ánh Tuyết"))
                .isEqualTo("Nguyen Thi Anh Tuyet");
    }

    @Test
    void foldLeavesOtherScriptsAlone() {
        assertThat(Folding.fold("你好 مرحبا")).isEqualTo("你好 مرحبا");
    }

    @Test
    void wordsSplitOnPunctuationAndSpacesAndKeepDigits() {
        assertThat(Folding.words("hộ chiếu, hết hạn?? 2026-11-24 (ottawa)"))
                .containsExactly("hộ", "chiếu", "hết", "hạn", "2026", "11", "24", "ottawa");
    }

    @Test
    void wordsKeepCombiningMarksInsideAWord() {
        String decomposed = nfd("hộ");
        assertThat(Folding.words(decomposed + " x")).containsExactly(decomposed, "x");
    }

    @Test
    void wordsOfEmojiAndSymbolsAreEmpty() {
        assertThat(Folding.words("🙏🙏🙏 !!! ... 👍🏽 👨\u200D👩\u200D👧")).isEmpty();
        assertThat(Folding.words("")).isEmpty();
    }

    @Test
    // Regression test for a bug found in review (it failed before the fix).
    void wordsOfEmojiWithVariationSelectorAreEmpty() {
        assertThat(Folding.words(Folding.clean("❤️ ☺️ ⚠️"))).isEmpty();
    }

    @Test
    void hasVietnameseMarksSeesToneMarksAndDStroke() {
        assertThat(Folding.hasVietnameseMarks(Folding.clean("hộ chiếu"))).isTrue();
        assertThat(Folding.hasVietnameseMarks(Folding.clean("dđ"))).isTrue();
        assertThat(Folding.hasVietnameseMarks(Folding.clean("Đ"))).isTrue();
    }

    @Test
    void hasVietnameseMarksIsFalseForPlainLatinOtherScriptsAndEmoji() {
        assertThat(Folding.hasVietnameseMarks("ho chieu het han")).isFalse();
        assertThat(Folding.hasVietnameseMarks("how do i renew my passport")).isFalse();
        assertThat(Folding.hasVietnameseMarks("你好 مرحبا สวัสดี")).isFalse();
        assertThat(Folding.hasVietnameseMarks("🙏🙏🙏")).isFalse();
    }
}
