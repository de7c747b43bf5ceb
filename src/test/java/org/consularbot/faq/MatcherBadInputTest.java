package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a chat delivers, the matchers answer without an exception, and garbage goes to the fallback. */
class MatcherBadInputTest {

    private static FaqMatcher vietnamese;
    private static FaqMatcher bm25;

    @BeforeAll
    static void build() {
        vietnamese = FaqMatchers.vietnameseAware(TestCorpora.real());
        bm25 = FaqMatchers.bm25Baseline(TestCorpora.real());
    }

    /** Seeded random code points over the whole Unicode range (unassigned, surrogates, private use included). */
    static String randomCodePoints(long seed, int count) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
        }
        return out.toString();
    }

    static Stream<Arguments> badInputs() {
        List<Arguments> inputs = new ArrayList<>(List.of(
                Arguments.of("empty", ""),
                Arguments.of("blank", "   "),
                Arguments.of("whitespace", " \t\r\n \u00A0\u3000 "),
                Arguments.of("emoji only", "🙏🙏🙏"),
                Arguments.of("emoji sequences", "👨‍👩‍👧 👍🏽 🇻🇳"),
                Arguments.of(
                        "control and zero-width",
                        "\u0000\u0001\u0007\u001B[31m\u200B\u200C\u200D\uFEFF\u200E\u200F\u202E\u2066"),
                Arguments.of("lone surrogates", "\uD800 \uDC00 \uDBFF"),
                Arguments.of("arabic", "مرحبا، كيف حالك اليوم؟ أريد أن أعرف الطقس"),
                Arguments.of("chinese", "你好，我想问一下今天天气怎么样"),
                Arguments.of("thai", "สวัสดีครับ วันนี้อากาศดีไหม"),
                Arguments.of("100 KB of one word", "a".repeat(100_000)),
                Arguments.of("100 KB of unknown words", "xyzzy qwrtp ".repeat(9_000)),
                Arguments.of("punctuation", "?!?!... ,,, ;;; ---- ((()))")));
        for (long seed : new long[] {1, 2, 3}) {
            inputs.add(Arguments.of("5000 random code points, seed " + seed, randomCodePoints(seed, 5000)));
        }
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void vietnameseAwareMatcherFallsBack(String label, String message) {
        MatchResult result = vietnamese.match(message);
        assertThat(result.tier())
                .as(label + ": no FAQ entry, at most a small-talk reply")
                .isIn(Tier.FALLBACK, Tier.CHITCHAT);
        assertThat(result.emergency()).isEmpty();
        assertThat(result.language()).isNotNull();
        assertThat(result.suggestions()).hasSizeLessThanOrEqualTo(MatchResult.MAX_SUGGESTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void bm25BaselineDoesNotThrow(String label, String message) {
        assertThatCode(() -> bm25.match(message)).as(label).doesNotThrowAnyException();
        MatchResult result = bm25.match(message);
        assertThat(result.tier()).isNotNull().isNotEqualTo(Tier.EMERGENCY);
        assertThat(result.emergency()).isEmpty();
    }

    @Test
    void nullFallsBackInBothMatchers() {
        assertThat(vietnamese.match(null).tier()).isEqualTo(Tier.FALLBACK);
        assertThat(vietnamese.match(null).ranked()).isEmpty();
        assertThat(bm25.match(null).tier()).isEqualTo(Tier.FALLBACK);
    }

    @Test
    void fillersAloneGetNoEntry() {
        assertThat(vietnamese.match("dạ cho em hỏi ạ").tier()).isIn(Tier.FALLBACK, Tier.CHITCHAT);
        assertThat(vietnamese.match("hello, thanks").tier()).isEqualTo(Tier.CHITCHAT);
    }

    @Test
    void invisibleCharactersDoNotChangeTheResult() {
        MatchResult clean = vietnamese.match("ho chieu het han lam lai o dau");
        MatchResult dirty = vietnamese.match("\uFEFFho chieu\u200B het han\u200F lam lai o dau\u0007");
        assertThat(dirty.tier()).isEqualTo(clean.tier());
        assertThat(dirty.top().map(c -> c.entry().id()))
                .isEqualTo(clean.top().map(c -> c.entry().id()));
    }

    @Test
    void aLongMessageStartingWithAQuestionIsStillMatched() {
        MatchResult result = vietnamese.match("ho chieu het han lam lai o dau " + "xyzzy ".repeat(20_000));
        assertThat(result.ranked()).isNotEmpty();
    }

    /** Thai is written without spaces between words; a long message is one long "word". */
    private static final String THAI = "สวัสดีครับผมทำหนังสือเดินทางหายที่โตรอนโตเมื่อวานนี้ผมต้องทำอย่างไรบ้างครับ"
            + "และต้องใช้เอกสารอะไรบ้างในการขอหนังสือเดินทางฉบับใหม่ที่สถานทูต";

    @Test
    // Regression test for a bug found in review (it failed before the fix).
    void aLongTextWithoutSpacesFallsBackInsteadOfThrowing() {
        String thai = THAI.repeat(5).substring(0, 600);
        String chinese = "天气".repeat(50_000);
        assertThatCode(() -> vietnamese.match(thai)).doesNotThrowAnyException();
        assertThatCode(() -> vietnamese.match(chinese)).doesNotThrowAnyException();
        assertThat(vietnamese.match(thai).tier()).isEqualTo(Tier.FALLBACK);
    }

    @Test
    void longTextsWithoutSpacesDoNotBreakTheBaseline() {
        assertThatCode(() -> bm25.match(THAI.repeat(5).substring(0, 600))).doesNotThrowAnyException();
        assertThatCode(() -> bm25.match("天气".repeat(50_000))).doesNotThrowAnyException();
    }

    @Test
    void aThaiMessageOfUsualLengthFallsBack() {
        assertThat(vietnamese.match(THAI).tier()).isEqualTo(Tier.FALLBACK);
    }

    @Test
    // Regression test for a bug found in review (it failed before the fix).
    void aHeartEmojiDoesNotChangeTheAnswer() {
        MatchResult plain = vietnamese.match("ho chieu het han lam lai o dau");
        MatchResult withHeart = vietnamese.match("ho chieu het han lam lai o dau ❤️");
        assertThat(withHeart.tier()).isEqualTo(plain.tier());
        assertThat(withHeart.top().orElseThrow().confidence())
                .isEqualTo(plain.top().orElseThrow().confidence());
    }

    @Test
    void matchersAreNamed() {
        assertThat(vietnamese.name()).isEqualTo("default");
        assertThat(bm25.name()).isEqualTo("bm25");
        assertThat(FaqMatchers.byName("bm25", TestCorpora.real()).name()).isEqualTo("bm25");
        assertThatCode(() -> FaqMatchers.byName("nope", TestCorpora.real()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }
}
