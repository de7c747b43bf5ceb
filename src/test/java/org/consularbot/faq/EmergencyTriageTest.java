package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Emergency triage with the real {@code faq/urgent.yaml} and {@code faq/synonyms.txt}. */
class EmergencyTriageTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
    private static EmergencyTriage triage;

    @BeforeAll
    static void load() {
        Corpus corpus = TestCorpora.real();
        triage = new EmergencyTriage(corpus, new TextNormalizer(corpus.synonyms()), DEC_2026);
    }

    private static Optional<Emergency> sure(String message) {
        return triage.assess(message).filter(Emergency::sure);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "e bi cong an bat | arrest",
                "em không muốn sống nữa, ở đây không ai hiểu em | suicide",
                "hôm nay chồng em lại đánh em, em không muốn sống với anh ta nữa, anh ta khóa cửa nhốt em | domestic-violence",
                "Chồng tôi vừa bị cảnh sát bắt ở sân bay | arrest",
                "chồng em bị bắt, ĐSQ có giúp gì không | arrest",
                "my partner was taken into custody last night | arrest",
                "họ giữ em ở sân bay, không cho nhập cảnh, sắp bị trục xuất | detention",
                "ba e bi tn dang o bv | medical",
                "em muốn tự tử | suicide",
                "I want to end my life tonight | suicide",
                "bạn em bị bắn ở ngoài đường | violence",
                "có người chĩa súng vào em | violence",
                "chồng em đánh em, em đang trốn trong nhà vệ sinh | domestic-violence",
                "my employer took my passport and locks me in the house | trafficking",
                "con tôi đi học từ sáng không thấy về, gọi không được | missing",
                "em bị bắt cóc | missing",
                "my mum passed this morning in the hospital in Perth, what do I do first | death",
                "em chỉ muốn ngủ một giấc thật dài không phải dậy nữa | suicide",
                "i dont want to live anymore, nobody needs me here | suicide",
                "they keep our passports and say we owe money for the flight, we work 18 hours a day | trafficking",
                "ký túc xá công ty em vừa cháy, bọn em đang đứng ngoài đường | disaster",
                "I said no but he forced me, I am in the bathroom of his flat | sexual-violence",
                "my cousin is in detention since Monday, they will send him back | detention",
                "my grandmother went out to the shops this morning and hasn't come back, she has no phone | missing",
                "anh tôi vừa bị đuối nước ở biển | death",
                "nước lên tới mái nhà rồi, cả nhà em đang trên mái | disaster",
                "nghe tiếng súng gần chỗ em ở | disaster",
                "em bị lỡ chuyến bay, hết sạch tiền, không có chỗ ngủ | stranded",
                "có người đòi tung ảnh nóng của em nếu không chuyển tiền | sexual-violence",
            })
    void urgentMessagesAreSureWithTheirSituation(String message, String situation) {
        Optional<Emergency> emergency = sure(message);
        assertThat(emergency).as(message).isPresent();
        assertThat(emergency.get().situation()).as(message).isEqualTo(situation);
        assertThat(emergency.get().entry())
                .as("the situation's first-steps entry")
                .isNotNull();
        assertThat(emergency.get().evidence()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nếu bị bắt thì đại sứ quán có giúp gì không",
                "neu bi bat thi dai su quan co giup gi khong",
                "what can the embassy do if someone is arrested?",
                "Đại sứ quán có giúp gì khi công dân Việt Nam bị bắt ở Canada không?",
                "gia đình tôi di tản năm 1975, giờ muốn xin giấy xác nhận gốc Việt",
                "bố tôi từng bị bắt năm 1980, giờ tôi xin lý lịch tư pháp được không",
                "em không phải bị bắt đâu, em chỉ hỏi thủ tục",
                "con tôi sinh ở bệnh viện Toronto, làm giấy khai sinh thế nào",
                "hồ sơ của em bị kẹt ở bước xác thực",
                "chuyển tiền lệ phí bằng cách nào",
                "em bị đuổi học thì có phải về nước không",
                "được giam phi khong a",
                "bán nhà ở Việt Nam khi đang ở nước ngoài",
                "chết rồi em quên mất hạn gia hạn hộ chiếu",
                "mẹ tôi mất ở Việt Nam để lại căn nhà, tôi làm thủ tục thừa kế thế nào",
                "bao nhiêu tiền",
                "em muon luu so dien thoai de phong khi gap tai nan hay bi cuop thi goi",
                "da vang, de em lam theo huong dan",
                "Anh chị nghĩ gì về chuyện Biển Đông, sao nhà nước mình không phản ứng mạnh hơn với mấy vụ tàu cá bị đâm?",
                "hôm trc bạn em bị giữ ở đồn, giờ muốn lưu số đường dây nóng",
                "hồi covid em bị kẹt ở Nhật, giờ em có bị cấm xuất cảnh không",
                "gần nhà có vụ nổ súng, không ai bị thương, người Việt nên lưu ý gì",
                // Regression: "khẩn cấp" in "số khẩn cấp" (a kind of number) read as immediacy beside a hypothetical.
                "mà sdt khẩn cấp của dsq là số nào ạ, phòng khi có tên lửa",
                "what is the embassy's emergency number, in case of an earthquake?",
                // Regression (stop 24): "took my husband" (an arrest) and "across the border" (trafficking).
                "I took my husband's surname when we married, can my Vietnamese passport show it now?",
                "I trade goods across the border from Kampong Cham, can my Cambodian wife get the exemption paper?",
                // Regression (stop 24): a death told with its month was read as one that just happened.
                "My father passed away in March in Melbourne, can I sign a power of attorney for his house here?",
                // Regression (stop 30): slang "mệt chết", a place not to live in, and typing ("đánh máy").
                "mệt chết đi được, làm ca đêm cả tuần, hộ chiếu hết hạn tháng sau thì gia hạn ở đâu ạ",
                "em không muốn sống ở ký túc xá nữa, ra thuê nhà ngoài có cần báo đại sứ quán không",
                "giấy khai sinh của con bị đánh máy sai tên đệm, cải chính ở lãnh sự quán được không",
                "",
                "🙏🙏🙏",
            })
    void ordinaryQuestionsWithTrapWordsAreNotEmergencies(String message) {
        assertThat(sure(message)).as(message).isEmpty();
    }

    @Test
    void immediacyBesideAHypotheticalStillCountsButNotInsideIt() {
        assertThat(sure("cho em hoi neu bi hiep dam thi em can lam gi, chuyen vua xay ra 2 tieng truoc"))
                .map(Emergency::situation)
                .contains("sexual-violence");
        assertThat(sure("nếu bị bắt bây giờ thì đại sứ quán có giúp gì không")).isEmpty();
    }

    @Test
    void telexIsToldFromTheWholeMessageNotClauseByClause() {
        // The clause with the danger has one Telex word only; the clause before it shows the message is Telex.
        assertThat(sure("chooxng em ddang owr Nhaatj, bi bawts roi"))
                .map(Emergency::situation)
                .contains("arrest");
    }

    @Test
    void diacriticsTellApartWordsThatFoldAlike() {
        assertThat(sure("bạn em bị bắn")).map(Emergency::situation).contains("violence");
        assertThat(sure("bạn em bị bán sang Trung Quốc"))
                .map(Emergency::situation)
                .contains("trafficking");
        assertThat(sure("em được giảm phí không")).isEmpty();
        assertThat(sure("nó đè em xuống, em sợ lắm")).map(Emergency::situation).contains("sexual-violence");
    }

    @Test
    void aKidnappingIsNoArrestAndUnpaidWagesAreNeither() {
        assertThat(sure("con em bị bắt cóc")).map(Emergency::situation).contains("missing");
        assertThat(sure("em bị công ty nợ lương 3 tháng, muốn hỏi quyền lợi")).isEmpty();
    }

    @Test
    void theWholeMessageIsReadPastTwoThousandCharacters() {
        String padding = "Em xin phép kể dài một chút về hoàn cảnh của em. ".repeat(60);
        assertThat(padding.length()).isGreaterThan(2_000);
        assertThat(sure(padding + " Chồng em vừa bị bắt"))
                .map(Emergency::situation)
                .contains("arrest");
    }

    @Test
    void invisibleAndLookAlikeCharactersDoNotHideADanger() {
        assertThat(sure("chồng em bị b\u00ADắt"))
                .as("soft hyphen")
                .map(Emergency::situation)
                .contains("arrest");
        assertThat(sure("chồng em bị b\u200Bắt"))
                .as("zero-width space")
                .map(Emergency::situation)
                .contains("arrest");
        assertThat(sure("сhồng em bị bắt"))
                .as("Cyrillic с")
                .map(Emergency::situation)
                .contains("arrest");
        assertThat(sure("ｍｙ ｈｕｓｂａｎｄ ｗａｓ ａｒｒｅｓｔｅｄ"))
                .as("full-width")
                .map(Emergency::situation)
                .contains("arrest");
    }

    @Test
    void aCryForHelpAloneIsAnEmergencyButInsideAnOrdinaryQuestionOnlyMaybe() {
        assertThat(sure("cứu em với!!!")).map(Emergency::situation).contains(EmergencyTriage.DISTRESS);
        Optional<Emergency> figure = triage.assess(
                "cứu em với, tờ khai hộ chiếu khó hiểu quá, mục nơi thường trú em ghi gì khi đã ở Úc 10 năm ạ");
        assertThat(figure).isPresent();
        assertThat(figure.get().sure()).isFalse();
    }

    @Test
    void aWeakSignalWithAPersonIsOnlyAMaybe() {
        Optional<Emergency> maybe = triage.assess("em bị móc túi mất ví, làm lại hộ chiếu thế nào");
        assertThat(maybe).isPresent();
        assertThat(maybe.get().sure()).isFalse();
    }

    @Test
    void aDangerStillGoingOnStaysUrgentDespiteThePast() {
        assertThat(sure("chồng em bị bắt tháng trước, đến nay vẫn bị giam"))
                .map(Emergency::situation)
                .contains("arrest");
        assertThat(sure("chồng em bị bắt tháng trước, giờ đã được thả và khỏe rồi"))
                .isEmpty();
    }

    @Test
    void aYearBeforeThisOneMakesItHistory() {
        assertThat(sure("năm 2019 anh tôi bị bắt ở Nhật")).isEmpty();
        assertThat(sure("năm 2026 anh tôi bị bắt ở Nhật"))
                .map(Emergency::situation)
                .contains("arrest");
    }

    @Test
    // Regressions found in review: a question word before a comma negated the next clause; "not safe now" read as
    // resolved; "tra cứu" (look up) read as a cry for help.
    void reviewRegressions() {
        assertThat(sure("Đại sứ quán giúp em được không, chồng em bị bắt rồi"))
                .map(Emergency::situation)
                .contains("arrest");
        assertThat(sure("My husband hits me, I am not safe now"))
                .map(Emergency::situation)
                .contains("domestic-violence");
        assertThat(triage.assess("Tra cứu hồ sơ hộ chiếu ở đâu")).isEmpty();
        assertThat(triage.assess("em cảm ơn, tạm biệt ạ")).isEmpty();
        assertThat(sure("không may em bị cướp mất túi ở ga, em đang sợ lắm"))
                .map(Emergency::situation)
                .contains("violence");
    }

    @Test
    void weakSignalsOfOneSituationAddUp() {
        assertThat(triage.assess("dạo này em bị trầm cảm"))
                .hasValueSatisfying(e -> assertThat(e.sure()).isFalse());
        assertThat(sure("em bị trầm cảm, em thấy mình là gánh nặng, em xin lỗi bố mẹ"))
                .map(Emergency::situation)
                .contains("suicide");
    }

    @Test
    void noRulesMeansNoEmergency() {
        Corpus real = TestCorpora.real();
        Corpus none = new Corpus(
                real.topics(),
                real.entries(),
                real.mission(),
                real.synonyms(),
                UrgentRules.none(),
                real.smallTalk(),
                real.origin(),
                real.docs(),
                real.examples(),
                real.classifier());
        assertThat(new EmergencyTriage(none, new TextNormalizer(none.synonyms()), DEC_2026).assess("e bi cong an bat"))
                .isEmpty();
    }
}
