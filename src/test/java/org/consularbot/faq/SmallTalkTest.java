package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Small talk and declines with the real {@code faq/smalltalk.yaml}, through the production matcher. */
class SmallTalkTest {

    private static FaqMatcher matcher;

    @BeforeAll
    static void load() {
        matcher = FaqMatchers.vietnameseAware(TestCorpora.real());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cảm ơn nhiều nhé | thanks",
                "Chào anh chị ạ | greeting",
                "bạn là robot à? | bot",
                "thanks a lot, very helpful | thanks",
                "trả lời chả liên quan gì cả | frustration",
                "ok em hiểu rồi ạ | ack",
                "tạm biệt ad nhé | goodbye",
                "day co phai tong dai tu dong khong a | bot",
                "đsq gì mà rep chậm như rùa 😤 | frustration",
            })
    void smallTalkGetsItsClassAndNoEntry(String message, String reason) {
        MatchResult result = matcher.match(message);
        assertThat(result.tier()).as(message).isEqualTo(Tier.CHITCHAT);
        assertThat(result.reason()).contains(reason);
    }

    @Test
    void aThumbAloneIsAnAcknowledgement() {
        MatchResult result = matcher.match("👍");
        assertThat(result.tier()).isEqualTo(Tier.CHITCHAT);
        assertThat(result.reason()).contains("ack");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "How can I get a US tourist visa for my parents? | third-country",
                "em muốn xin visa Schengen từ Hàn Quốc thì làm thế nào | third-country",
                "tối nay Việt Nam đá với Thái mấy giờ vậy ad | off-topic",
                "cho em vay tiền được không | loan-job",
                "thủ tục tách thửa đất ở Hà Nội cần giấy tờ gì | vn-domestic",
            })
    void outOfScopeQuestionsAreDeclinedWithTheirPointer(String message, String reason) {
        MatchResult result = matcher.match(message);
        assertThat(result.tier()).as(message).isEqualTo(Tier.DECLINE);
        assertThat(result.reason()).contains(reason);
    }

    @Test
    void whenPhrasesOfSeveralDeclineClassesOccurTheReadingsClassWinsElseTheOneCoveringMost() {
        Corpus corpus = TestCorpora.real();
        SmallTalk rules = new SmallTalk(corpus.smallTalk(), 0.4);
        // "work permit" is the host country's, "sổ đỏ" (a land title) Viet Nam's.
        var tokens = new TextNormalizer(corpus.synonyms())
                .normalize("work permit và sổ đỏ")
                .tokens();

        assertThat(rules.classify("", tokens, 0, "vn-domestic"))
                .map(SmallTalk.Verdict::reason)
                .contains("vn-domestic");
        assertThat(rules.classify("", tokens, 0, "host-authority"))
                .map(SmallTalk.Verdict::reason)
                .contains("host-authority");
        assertThat(rules.classify("", tokens, 0, "politics"))
                .as("a class with no phrase here does not win")
                .map(SmallTalk.Verdict::reason)
                .isPresent()
                .get()
                .isNotEqualTo("politics");
        var longer = new TextNormalizer(corpus.synonyms())
                .normalize("giấy chứng nhận quyền sử dụng đất và work permit")
                .tokens();
        assertThat(rules.classify("", longer, 0, null))
                .map(SmallTalk.Verdict::reason)
                .contains("vn-domestic");
        assertThat(rules.classify("", longer, 0.5, null))
                .as("an entry explaining the message well")
                .isEmpty();
    }

    @Test
    // Regression: "loan" in Đài Loan (Taiwan) was a loan-job decline phrase. Through the matcher the answer gate now
    // often outweighs it, so the phrase rules are checked on their own.
    void taiwanIsNoLoanToThePhraseRules() {
        Corpus corpus = TestCorpora.real();
        SmallTalk rules = new SmallTalk(corpus.smallTalk(), 0.4);
        TextNormalizer normalizer = new TextNormalizer(corpus.synonyms());

        assertThat(rules.classify(
                        "",
                        normalizer
                                .normalize("con em sinh o Dai Loan, lam khai sinh o dau")
                                .tokens(),
                        0,
                        null))
                .isEmpty();
        assertThat(rules.classify(
                        "",
                        normalizer
                                .normalize("Chị Loan ở Đài Bắc hỏi thủ tục hộ chiếu")
                                .tokens(),
                        0,
                        null))
                .isEmpty();
        assertThat(rules.classify("", normalizer.normalize("I need a bank loan").tokens(), 0, null))
                .map(SmallTalk.Verdict::reason)
                .contains("loan-job");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I need a bank loan to pay my tuition, can the embassy lend me money?",
                "em cần vay tiền gấp để đóng học phí",
            })
    void loansAreStillDeclined(String message) {
        MatchResult result = matcher.match(message);
        assertThat(result.tier()).as(message).isEqualTo(Tier.DECLINE);
        assertThat(result.reason()).contains("loan-job");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Regression: "loan" in Đài Loan (Taiwan) declined these as requests for a loan.
                "con em sinh o Dai Loan duoc 3 thang, muon lam giay khai sinh Viet Nam cho be thi lam o dau a",
                "em o Dai Loan muon xin ly lich tu phap so 1 thi nop qua van phong o Dai Bac hay phai nho nguoi nha a",
                "Chào anh chị, hộ chiếu của em sắp hết hạn, gia hạn ở đâu ạ?",
                "cảm ơn, cho em hỏi đăng ký khai sinh cho con cần giấy tờ gì",
                "My boyfriend is German and wants to visit Vietnam, does he need a visa?",
                // Regression: "ok" and filler around two words the FAQ knows read as an acknowledgement.
                "Ok and if I lose my passport here, what do I do?",
            })
    void aConsularQuestionWrappedInPolitenessIsNoSmallTalk(String message) {
        assertThat(matcher.match(message).tier()).as(message).isIn(Tier.ANSWER, Tier.SUGGEST);
    }

    @Test
    // Regression (stop 24): letters from foreigners about Viet Nam's own visa were declined as another country's
    // visa by the learned reading ("I am a Mexican citizen planning a business trip to Ho Chi Minh City…").
    void aVisaForComingToVietNamIsNeverAnotherCountrysVisa() {
        Corpus corpus = TestCorpora.real();
        SmallTalk rules = new SmallTalk(corpus.smallTalk(), 0.4);
        TextNormalizer normalizer = new TextNormalizer(corpus.synonyms());
        var coming = normalizer
                .normalize("Người Mỹ có ESTA rồi, bạn em sang VN chơi 2 tuần có cần visa không")
                .tokens();
        var goingElsewhere = normalizer
                .normalize("Người Việt có ESTA được không, em muốn sang Mỹ")
                .tokens();
        var goingHome = normalizer
                .normalize("Does she have to go back to Hanoi to apply for the UK visa, or can she apply in Bangkok?")
                .tokens();
        var transit = normalizer
                .normalize("Tôi bay về Việt Nam quá cảnh Johannesburg, có cần visa quá cảnh Nam Phi không")
                .tokens();

        assertThat(rules.rulesOut("third-country", coming)).isTrue();
        assertThat(rules.classify("", coming, 0, null))
                .as("the phrase rules' own decline")
                .isEmpty();
        assertThat(rules.classify("", goingElsewhere, 0, null))
                .map(SmallTalk.Verdict::reason)
                .contains("third-country");
        assertThat(rules.rulesOut("third-country", goingHome))
                .as("back to Hanoi")
                .isFalse();
        assertThat(rules.rulesOut("third-country", transit)).as("về Việt Nam").isFalse();
        assertThat(rules.rulesOut("host-authority", coming))
                .as("no Vietnamese passport named")
                .isFalse();
        assertThat(rules.rulesOut(null, coming)).isFalse();
    }

    // Regression (stop 30): with more host-country declines among the examples, "hộ chiếu của em sắp hết hạn, gia hạn
    // ở đâu ạ?" was read as a residence-card renewal and declined; Viet Nam's own passport and visa exemption
    // certificate are never a host-country matter, whatever card or office the message also names.
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "true|thẻ zairyu với hộ chiếu của em đều sắp hết hạn, em gia hạn ở đâu trước ạ",
                "true|chong toi nguoi Dan Mach, giay mien thi thuc cua anh ay het han roi",
                "true|ARC sắp hết rồi mà hc của e cũng sắp hết hạn, làm cái nào trước ạ",
                "true|I'm in Osaka on a work visa and my passport expires in May, can I renew it by post?",
                "false|Zairyu card của em hết hạn tháng sau, em gia hạn ở nyukan nào ạ?",
            })
    void aVietnamesePassportOrExemptionCertificateIsNeverAHostCountryMatter(boolean ruledOut, String message) {
        Corpus corpus = TestCorpora.real();
        var tokens = new TextNormalizer(corpus.synonyms()).normalize(message).tokens();

        assertThat(new SmallTalk(corpus.smallTalk(), 0.4).rulesOut("host-authority", tokens))
                .as(message)
                .isEqualTo(ruledOut);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Good morning, I am a Mexican citizen planning a business trip to Ho Chi Minh City in May to meet coffee"
                        + " suppliers. Is the e-visa valid for business purposes or do I need a separate business visa"
                        + " with a sponsor letter from the Vietnamese company?",
                "bạn trai e ng Đức muốn vào VN 3 tháng, đi ra đi vào nhiều lần vì còn sang Lào Cam, e-visa có loại"
                        + " nhiều lần ko hay phải xin ở đsq ạ",
            })
    void aForeignersVisaForVietNamIsOfferedItsEntry(String message) {
        MatchResult result = matcher.match(message);
        assertThat(result.tier()).as(message).isIn(Tier.ANSWER, Tier.SUGGEST);
        assertThat(result.top().map(c -> c.entry().topic())).contains("visa.foreigner");
    }
}
