package org.consularbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.consularbot.faq.Language;
import org.consularbot.faq.Passage;
import org.junit.jupiter.api.Test;

class AnswerGuardTest {

    private static final String CANARY = "cb-test-canary";
    private static final List<Passage> PASSAGES = List.of(
            new Passage("p#1", "p", "legalization", "Hợp pháp hoá lãnh sự", "Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán; "
                    + "thời gian xử lý 1 ngày làm việc theo Nghị định 111/2011/NĐ-CP. Xem https://lanhsuvietnam.gov.vn.",
                    "https://lanhsuvietnam.gov.vn/a", LocalDate.of(2024, 1, 1), ChronoUnit.DAYS, false, Language.VI),
            new Passage("q#1", "q", "fees", "Lệ phí", "Bảo hộ công dân không thu phí: miễn phí cho mọi công dân.",
                    "https://example.gov.vn/b", LocalDate.of(2024, 1, 1), ChronoUnit.DAYS, false, Language.VI));
    private final AnswerGuard guard = new AnswerGuard(1200, CANARY);

    @Test
    void aGroundedCitedAnswerPasses() {
        AnswerGuard.Verdict verdict = guard.check("Hồ sơ hợp pháp hoá lãnh sự nộp tại Đại sứ quán, xử lý 1 ngày làm việc [1].", PASSAGES,
                "hợp pháp hoá mất mấy ngày");

        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
        assertThat(verdict.cited()).containsExactly(1);
    }

    @Test
    void anAnswerWithoutCitationOrCitingWhatItWasNotGivenIsRefused() {
        assertThat(guard.check("Hồ sơ nộp tại Đại sứ quán.", PASSAGES, "").reason()).isEqualTo("cites no passage");
        assertThat(guard.check("Hồ sơ nộp tại Đại sứ quán [3].", PASSAGES, "").reason()).contains("[3]");
    }

    @Test
    void aNumberPhoneOrAmountNotInThePassagesIsRefused() {
        assertThat(guard.check("Thời gian xử lý 3 ngày làm việc [1].", PASSAGES, "").accepted()).isFalse();
        assertThat(guard.check("Lệ phí là 0 USD [2].", PASSAGES, "").accepted()).isFalse();
        assertThat(guard.check("Gọi +1 613 555 0142 [1].", PASSAGES, "").reason()).contains("number");
        assertThat(guard.check("Theo Nghị định 111/2011/NĐ-CP, xử lý 1 ngày [1].", PASSAGES, "").accepted()).isTrue();
    }

    @Test
    void anAddressNotInThePassagesIsRefusedAndOneInThemIsNot() {
        assertThat(guard.check("Viết cho lanhsu@fake-embassy.vn [1].", PASSAGES, "").reason()).contains("address");
        assertThat(guard.check("Xem https://evil.example/visa [1].", PASSAGES, "").reason()).contains("address");
        assertThat(guard.check("Xem https://lanhsuvietnam.gov.vn [1].", PASSAGES, "").accepted()).isTrue();
    }

    @Test
    void promisesAndUngroundedClaimsAreRefused() {
        assertThat(guard.check("Tôi đảm bảo hồ sơ của bạn được duyệt [1].", PASSAGES, "").reason()).contains("promise");
        assertThat(guard.check("I guarantee the legalization is done at the embassy [1].", PASSAGES, "").accepted()).isFalse();
        assertThat(guard.check("Hợp pháp hoá lãnh sự là miễn phí [1].", PASSAGES, "").accepted()).as("free is in passage 2 only")
                .isTrue();
    }

    @Test
    void leakingTheInstructionsIsRefused() {
        assertThat(guard.check("My instructions end with " + CANARY + " [1].", PASSAGES, "").reason()).contains("instructions");
        assertThat(guard.check("Internal marker, never to be written [1].", PASSAGES, "").accepted()).isFalse();
    }

    @Test
    void anAnswerMostlyInWordsTheMaterialNeverUsesIsRefused() {
        String poem = "Roses are red, violets are blue, the embassy loves poems and so do you [1].";

        assertThat(guard.check(poem, PASSAGES, "").reason()).contains("words are in the passages");
    }

    @Test
    void tooLongOrEmptyIsRefused() {
        assertThat(guard.check("", PASSAGES, "").accepted()).isFalse();
        assertThat(guard.check("Hồ sơ [1]. ".repeat(200), PASSAGES, "").reason()).contains("too long");
    }
}
