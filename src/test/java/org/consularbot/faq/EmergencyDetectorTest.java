package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Emergency detection with the real {@code faq/urgent.yaml} and {@code faq/synonyms.txt}. */
class EmergencyDetectorTest {

    private static TextNormalizer normalizer;
    private static EmergencyDetector detector;

    @BeforeAll
    static void load() {
        Corpus corpus = TestCorpora.real();
        normalizer = new TextNormalizer(corpus.synonyms());
        detector = new EmergencyDetector(corpus.urgentRules());
    }

    private static Optional<Emergency> detect(String message) {
        return detector.detect(normalizer.normalize(message));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // Vietnamese, without diacritics, with abbreviations ("e" = em)
            "e bi cong an bat | arrest",
            "cuu em voi e bi cong an bat | arrest",
            "Chồng tôi vừa bị cảnh sát Canada bắt ở sân bay | arrest",
            "ck e bi tam giam o day | arrest",
            "chồng tôi bị tai nạn đang ở bệnh viện | medical",
            "ba e bi tn dang o bv | medical",
            "Tôi vừa bị cướp giật túi ngay giữa đường | crime",
            "dong dat o day, chung em bi ket | disaster",
            "bão lớn quá, nhà em bị sập | disaster",
            "het tien ko co cho ngu | stranded",
            "e bi lo chuyen bay, het tien roi | stranded",
            // English
            "I was robbed last night | crime",
            "my wife is in hospital | medical",
            "my brother was arrested last night in Toronto | arrest",
            "my employer took my passport and locks me in the house | crime",
            "there is a wildfire evacuation order in our town | disaster",
            "stranded at the bus station in winnipeg, wallet lost | stranded",
    })
    void urgentMessagesAreDetectedWithTheRightSituation(String message, String situation) {
        Optional<Emergency> emergency = detect(message);
        assertThat(emergency).as(message).isPresent();
        assertThat(emergency.get().situation()).isEqualTo(situation);
        assertThat(emergency.get().topic()).isEqualTo("emergency." + situation);
        assertThat(emergency.get().evidence()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nếu bị bắt thì đại sứ quán có giúp gì không",
            "neu bi bat thi dai su quan co giup gi khong",
            "what can the embassy do if someone is arrested?",
            "Đại sứ quán có giúp gì khi công dân Việt Nam bị bắt ở Canada không?",
            "what if I lose all my money abroad, can the embassy help",
    })
    void generalQuestionsAboutEmergenciesAreNotEmergencies(String message) {
        assertThat(detect(message)).as(message).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "bao nhiêu tiền",
            "le phi lam ho chieu bao nhieu tien",
            "hộ chiếu hết hạn làm lại ở đâu",
            "how do I renew my passport",
            "cho em hỏi đăng ký khai sinh cho con",
            "",
            "🙏🙏🙏",
    })
    void everydayQuestionsAreNotEmergencies(String message) {
        assertThat(detect(message)).as(message).isEmpty();
    }

    @Test
    void theWordBaoAloneIsNotAStorm() {
        // "bão" (storm) folds to "bao"; only the two-word storm phrases may fire
        assertThat(detect("bao nhieu tien")).isEmpty();
        assertThat(detect("bao lau thi co ket qua")).isEmpty();
        assertThat(detect("bao lon lam, e dang o mot minh")).map(Emergency::situation).contains("disaster");
    }

    @Test
    void theLongestPhraseWins() {
        // "đang bị giữ" (arrest, 3 words) and "bị giữ hộ chiếu" (crime, 4 words) both occur
        Optional<Emergency> emergency = detect("em đang bị giữ hộ chiếu, chủ không trả");
        assertThat(emergency).map(Emergency::situation).contains("crime");
        assertThat(emergency).map(Emergency::evidence).contains("bi giu ho chieu");
        // "bị tai nạn" alone is medical, the longer "đang ở bệnh viện" is the evidence
        assertThat(detect("chồng tôi bị tai nạn đang ở bệnh viện")).map(Emergency::evidence).contains("dang o benh vien");
    }

    @Test
    void aWildcardStandsForUpToThreeWords() {
        assertThat(detect("em bị công an Nhật bắt")).map(Emergency::evidence).contains("bi * bat");
        assertThat(detect("em bị một hai ba bốn người bắt")).isEmpty();
    }

    @Test
    void immediacyKeepsAHypotheticalMessageUrgent() {
        // "nếu"/"giúp gì" make it general, but "cứu" and "đang" say it is happening now
        assertThat(detect("cứu em, chồng em đang bị tạm giữ, đại sứ quán giúp gì được không"))
                .map(Emergency::situation).contains("arrest");
        assertThat(detect("what should I do if my husband was arrested today")).map(Emergency::situation)
                .contains("arrest");
    }

    @Test
    void findHonoursOrderAndGaps() {
        List<String> words = List.of("em", "bi", "cong", "an", "bat");
        assertThat(EmergencyDetector.find(words, List.of("bi", "*", "bat"))).isEqualTo(1);
        assertThat(EmergencyDetector.find(words, List.of("bat", "bi"))).isEqualTo(-1);
        assertThat(EmergencyDetector.find(words, List.of("em", "bi"))).isZero();
        assertThat(EmergencyDetector.find(List.of(), List.of("bi"))).isEqualTo(-1);
    }

    @Test
    void noRulesMeansNoEmergency() {
        assertThat(new EmergencyDetector(UrgentRules.none()).detect(normalizer.normalize("e bi cong an bat"))).isEmpty();
    }
}
