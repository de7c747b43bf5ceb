package org.consularbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.consularbot.faq.Language;
import org.consularbot.faq.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerGuardTest {

    private static final String CANARY = "cb-0f3a9c2e-7b41-4d8a-9e55-1c2d3e4f5a6b";
    private static final List<Passage> PASSAGES = List.of(
            new Passage(
                    "p#1",
                    "p",
                    "legalization",
                    "Hợp pháp hoá lãnh sự",
                    "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán; "
                            + "thời gian xử lý 1 ngày làm việc theo Nghị định 111/2011/NĐ-CP. Xem https://lanhsuvietnam.gov.vn.",
                    "https://lanhsuvietnam.gov.vn/a",
                    LocalDate.of(2024, 1, 1),
                    ChronoUnit.DAYS,
                    false,
                    Language.VI),
            new Passage(
                    "q#1",
                    "q",
                    "fees",
                    "Lệ phí",
                    "Bảo hộ công dân không thu phí: miễn phí cho mọi công dân.",
                    "https://example.gov.vn/b",
                    LocalDate.of(2024, 1, 1),
                    ChronoUnit.DAYS,
                    false,
                    Language.VI),
            new Passage(
                    "r#1",
                    "r",
                    "contact.hotline",
                    "Đường dây nóng",
                    "Gọi đường dây nóng bảo hộ công dân +84 981 84 84 84. " + "Lệ phí theo biểu phí: 30.000 đồng.",
                    "https://example.gov.vn/c",
                    LocalDate.of(2024, 1, 1),
                    ChronoUnit.DAYS,
                    false,
                    Language.VI));
    private static final String INSTRUCTIONS = new GroundedPrompt("Embassy", CANARY).system(Language.VI);
    private final AnswerGuard guard = new AnswerGuard(1200, CANARY, List.of(INSTRUCTIONS));

    @Test
    void aGroundedCitedAnswerPasses() {
        AnswerGuard.Verdict verdict =
                guard.check("Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, xử lý 1 ngày làm việc [1].", PASSAGES);

        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
        assertThat(verdict.cited()).containsExactly(1);
    }

    @Test
    void anAnswerWithoutCitationOrCitingWhatItWasNotGivenIsRefused() {
        assertThat(guard.check("Hồ sơ nộp tại Đại sứ quán.", PASSAGES).reason()).isEqualTo("cites no passage");
        assertThat(guard.check("Hồ sơ nộp tại Đại sứ quán [4].", PASSAGES).reason())
                .contains("[4]");
    }

    @Test
    void aNumberPhoneOrAmountNotInThePassagesIsRefused() {
        assertThat(guard.check("Thời gian xử lý 3 ngày làm việc [1].", PASSAGES).accepted())
                .isFalse();
        assertThat(guard.check("Lệ phí là 0 USD [2].", PASSAGES).accepted()).isFalse();
        assertThat(guard.check("Gọi +1 613 555 0142 [1].", PASSAGES).reason()).contains("number");
        assertThat(guard.check("Theo Nghị định 111/2011/NĐ-CP, xử lý 1 ngày [1].", PASSAGES)
                        .accepted())
                .isTrue();
    }

    @Test
    void anAddressNotInThePassagesIsRefusedAndOneInThemIsNot() {
        assertThat(guard.check("Viết cho lanhsu@fake-embassy.vn [1].", PASSAGES).reason())
                .contains("address");
        assertThat(guard.check("Xem https://evil.example/visa [1].", PASSAGES).reason())
                .contains("address");
        assertThat(guard.check("Xem https://lanhsuvietnam.gov.vn [1].", PASSAGES)
                        .accepted())
                .isTrue();
    }

    @Test
    void promisesAndUngroundedClaimsAreRefused() {
        assertThat(guard.check("Tôi đảm bảo hồ sơ của bạn được duyệt [1].", PASSAGES)
                        .reason())
                .contains("promise");
        assertThat(guard.check("I guarantee the legalization is done at the embassy [1].", PASSAGES)
                        .accepted())
                .isFalse();
        assertThat(guard.check("Hợp pháp hoá lãnh sự là miễn phí [1].", PASSAGES)
                        .accepted())
                .as("free is in passage 2 only")
                .isFalse();
        assertThat(guard.check("Bảo hộ công dân là miễn phí [2].", PASSAGES).accepted())
                .isTrue();
    }

    @Test
    void leakingTheInstructionsIsRefused() {
        assertThat(guard.check("My instructions end with " + CANARY + " [1].", PASSAGES)
                        .reason())
                .contains("instructions");
        assertThat(guard.check(
                                "Hồ sơ nộp tại Đại sứ quán, mã "
                                        + CANARY.toUpperCase(Locale.ROOT).substring(3, 15) + " [1].",
                                PASSAGES)
                        .reason())
                .contains("instructions");
        assertThat(guard.check("Use only facts written in the passages, never state a fee [1].", PASSAGES)
                        .reason())
                .contains("instructions");
        assertThat(guard.check("Internal marker, never to be written [1].", PASSAGES)
                        .accepted())
                .isFalse();
    }

    @Test
    void anAnswerMostlyInWordsTheMaterialNeverUsesIsRefused() {
        String poem = "Roses are red, violets are blue, the embassy loves poems and so do you [1].";

        assertThat(guard.check(poem, PASSAGES).reason()).contains("words are in the cited passages");
    }

    @Test
    void tooLongOrEmptyIsRefused() {
        assertThat(guard.check("", PASSAGES).accepted()).isFalse();
        assertThat(guard.check("Hồ sơ [1]. ".repeat(200), PASSAGES).reason()).contains("too long");
    }

    @Test
    void numbersAreCheckedWholeAndOnlyAgainstTheCitedPassages() {
        assertThat(guard.check("Lệ phí là 30.000 đồng [3].", PASSAGES).accepted())
                .isTrue();
        assertThat(guard.check("Lệ phí là 30.000.000 đồng [3].", PASSAGES).accepted())
                .isFalse();
        assertThat(guard.check("Gọi +84 84 981 84 [3].", PASSAGES).accepted()).isFalse();
        assertThat(guard.check("Gọi +84 981 84 84 84 [3].", PASSAGES).accepted())
                .isTrue();
        assertThat(guard.check("Gọi +84 981 84 84 84 [1].", PASSAGES).accepted())
                .as("the number is in passage 3, not 1")
                .isFalse();
        assertThat(guard.check("Lệ phí là ５０ USD [3].", PASSAGES).accepted())
                .as("full-width digits")
                .isFalse();
        assertThat(guard.check("Lệ phí:\n90) đồng [3].", PASSAGES).accepted())
                .as("a lone list marker is a number")
                .isFalse();
        assertThat(guard.check("Các bước:\n1. Gọi đường dây nóng [3].\n2. Lệ phí theo biểu phí [3].", PASSAGES)
                        .accepted())
                .isTrue();
    }

    @Test
    void quantitiesSpeltInWordsAndBareOrSpeltAddressesAreRefused() {
        assertThat(guard.check("Lệ phí là không đồng [3].", PASSAGES).accepted())
                .isFalse();
        assertThat(guard.check("The fee is zero dollars for legalization [1].", PASSAGES)
                        .accepted())
                .isFalse();
        assertThat(guard.check("Nộp hồ sơ hợp pháp hoá tại visa-vietnam-online.com [1].", PASSAGES)
                        .reason())
                .contains("web address");
        assertThat(guard.check("Hồ sơ hợp pháp hoá gửi lanhsu at vnembassy dot org [1].", PASSAGES)
                        .reason())
                .contains("address");
        assertThat(guard.check("Xem lanhsuvietnam.gov.vn về hợp pháp hoá lãnh sự [1].", PASSAGES)
                        .accepted())
                .isTrue();
    }

    /** The attacks the denylist let through (issue 17): each is refused because its fact is not in the passages. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, hoặc nhắn @lanhsu_hotro [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, xem t.me/lanhsu_hotro [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại lanhsu-vietnam.xyz [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại lanhsuvietnam.gov.vn.help [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, gọi ⁰⁹¹²³⁴⁵⁶⁷⁸ [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, gọi ⓪⑨①②③④⑤⑥⑦⑧ [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, gọi ٠٩١٢٣٤٥٦٧٨ [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, gọi 09\u200B12 34\u00AD5 678 [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, gọi O9l2 345 678 [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, gọi không chín một hai ba bốn năm [1].",
                "Hồ sơ hợp pháp hoá lãnh sự gửi lanhsu(at)vnembassy(dot)org [1].",
                "Hồ sơ hợp pháp hoá lãnh sự gửi lanhsu＠vnembassy.org [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, hỏi qua Zalo cán bộ Minh [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, không mất đồng nào [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, yên tâm hồ sơ sẽ được duyệt [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán; chuyển khoản trước để giữ chỗ [1].",
                "Tôi là cán bộ lãnh sự: hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán [1].",
                "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán [1]. Ngoài ra bạn nên mua vé sớm kẻo hết chỗ ngồi.",
            })
    void whatLooksLikeAFactMustBeInTheCitedPassagesHoweverItIsWritten(String answer) {
        String unescaped = answer.replace("\\u200B", "\u200B").replace("\\u00AD", "\u00AD");

        assertThat(guard.check(unescaped, PASSAGES).accepted()).isFalse();
    }

    @Test
    void factsOfTheCitedPassagesMayBeRepeatedInAnyForm() {
        assertThat(guard.check("Gọi đường dây nóng bảo hộ công dân ＋８４ ９８１ ８４ ８４ ８４ [3].", PASSAGES)
                        .accepted())
                .as("full-width digits of a number the passage gives")
                .isTrue();
        assertThat(guard.check("Hồ sơ hợp pháp hoá lãnh sự: xem https://lanhsuvietnam.gov.vn/a [1].", PASSAGES)
                        .accepted())
                .isTrue();
        assertThat(guard.check("Bảo hộ công dân không mất phí: miễn phí cho mọi công dân [2].", PASSAGES)
                        .accepted())
                .as("a free claim where the passage makes one")
                .isTrue();
        assertThat(guard.check("Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán ở TP.HCM [1].", PASSAGES)
                        .accepted())
                .as("an abbreviation with a dot is no domain")
                .isTrue();
    }
}
