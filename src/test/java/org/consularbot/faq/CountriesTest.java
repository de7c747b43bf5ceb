package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which country a message names, and what its emergency numbers read like; the table's checks. */
class CountriesTest {

    private static final Countries COUNTRIES = TestCorpora.real().countries();

    @TempDir
    Path tmp;

    private static String named(String message) {
        return COUNTRIES
                .whereabouts(message, "CA")
                .elsewhere()
                .map(Country::iso2)
                .orElse("-");
    }

    @Test
    void aMessageNamesTheCountryTheCitizenIsIn() {
        assertThat(named("em ở Nhật bị đánh, cứu em")).isEqualTo("JP");
        assertThat(named("e o nhat bi danh cuu e")).as("no diacritics").isEqualTo("JP");
        assertThat(named("my son was arrested in Osaka last night")).isEqualTo("JP");
        assertThat(named("Chồng em bị bắt ở Phnom Penh")).isEqualTo("KH");
        assertThat(named("con tôi đi xuất khẩu lao động ở Đài Loan bị giữ hộ chiếu"))
                .isEqualTo("TW");
    }

    @Test
    void everydayWordsThatSpellLikeACountryNameNothing() {
        assertThat(named("em đang ở đại sứ quán rồi")).isEqualTo("-");
        assertThat(named("o dai su quan co lam ho chieu khong")).isEqualTo("-");
        assertThat(named("hộ chiếu em hết hạn, bên anh có gia hạn được không")).isEqualTo("-");
        assertThat(named("thủ tục hợp pháp hóa lãnh sự và lý lịch tư pháp"))
                .as("pháp is not France")
                .isEqualTo("-");
        assertThat(named("em đi sang lao động được 2 năm")).isEqualTo("-");
        assertThat(named("lệ phí bao nhiêu")).as("phí is not the Philippines").isEqualTo("-");
    }

    @Test
    void aNameTypedWithoutDiacriticsCountsOnlyAfterAWordOfPlaceAndANationalityNever() {
        assertThat(named("em goi ba lan ma khong ai nghe may"))
                .as("'ba lần', three times")
                .isEqualTo("-");
        assertThat(named("em dang o ba lan, bi mat vi")).isEqualTo("PL");
        assertThat(named("chi ay co thai duoc 3 thang thi bi danh"))
                .as("'có thai', pregnant")
                .isEqualTo("-");
        assertThat(named("em lấy chồng người Hàn, bị chồng đánh"))
                .as("a nationality")
                .isEqualTo("-");
        assertThat(named("em bị đánh, đang chờ bên y tế"))
                .as("'y tế', health care")
                .isEqualTo("-");
        assertThat(named("em bị đánh ở Ý")).isEqualTo("IT");
        assertThat(named("a friend from Japan was robbed here")).as("an origin").isEqualTo("-");
        assertThat(named("chồng em bị cảnh sát Hàn Quốc bắt"))
                .as("typed with its diacritics, anywhere")
                .isEqualTo("KR");
    }

    @Test
    void theOtherCountryIsWhereTheDangerIsEvenWhenTheHostIsNamedToo() {
        assertThat(named("em ở Toronto, mẹ em đi du lịch ở Nhật bị tai nạn")).isEqualTo("JP");
        assertThat(COUNTRIES
                        .whereabouts("em ở Nhật, chồng em ở Hàn Quốc bị bắt", "CA")
                        .unclear())
                .isTrue();
        assertThat(COUNTRIES
                        .whereabouts("I live in Toronto and my wallet was stolen", "CA")
                        .host())
                .isTrue();
    }

    @Test
    void theMissionsOwnCountryOrTwoCountriesNameNone() {
        assertThat(named("I live in Toronto and my wallet was stolen"))
                .as("the host country")
                .isEqualTo("-");
        assertThat(named("em ở Nhật, chồng em ở Hàn Quốc bị bắt"))
                .as("where is the citizen?")
                .isEqualTo("-");
    }

    @Test
    void confirmedNumbersReadInTheCitizensLanguageAndUnconfirmedOnesAreNeverPrinted() {
        Country japan = COUNTRIES.byCode("JP").orElseThrow();
        assertThat(japan.emergencyNumbers(Language.VI)).isEqualTo("cảnh sát 110; cấp cứu, cứu hỏa 119");
        assertThat(japan.emergencyNumbers(Language.EN)).isEqualTo("police 110; ambulance, fire 119");
        assertThat(COUNTRIES.byCode("AU").orElseThrow().emergencyNumbers(Language.EN))
                .isEqualTo("000");
        assertThat(COUNTRIES.byCode("RU").orElseThrow().emergencyNumbers(Language.EN))
                .isEqualTo("112; police 102; ambulance 103; fire 101");
        Country cambodia = COUNTRIES.byCode("KH").orElseThrow();
        assertThat(cambodia.confirmed()).isFalse();
        assertThat(cambodia.emergencyNumbers(Language.VI)).isEmpty();
        assertThat(COUNTRIES.all()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(COUNTRIES.all().stream().filter(Country::confirmed)).hasSizeGreaterThanOrEqualTo(41);
    }

    @Test
    void awayFromTheHostTheMissionsWebsiteGivesWayToThePortalWhichIsNamedOnce() {
        Corpus corpus = TestCorpora.real();
        FaqEntry disaster = corpus.entries().stream()
                .filter(e -> e.answers().get(Language.EN).contains("{{mission_website}} and {{consular_portal}}"))
                .findFirst()
                .orElseThrow();
        String inDubai = corpus.answer(disaster, Language.EN, corpus.whereabouts("an earthquake in Dubai, help"));
        assertThat(inDubai)
                .contains("999; fire 997")
                .contains("on https://lanhsuvietnam.gov.vn.")
                .contains("consulate in the United Arab Emirates");
        assertThat(inDubai).doesNotContain("https://lanhsuvietnam.gov.vn and https://lanhsuvietnam.gov.vn");
        String atHome = corpus.answer(disaster, Language.VI);
        assertThat(atHome).contains("https://vietnamembassy.ca/ và https://lanhsuvietnam.gov.vn");
    }

    @Test
    void anEmergencyServicesSiteConfirmsANumberButIsNoOfficialSourceForAnAnswer() {
        SourcePolicy policy = new CorpusLoader(TestCorpora.CLOCK).sourcePolicy(TestCorpora.FAQ);
        String policeBe = "https://www.police.be/5998/fr/contact/numeros-durgence";
        assertThat(policy.confirmsEmergencyNumbers(policeBe)).isTrue();
        assertThat(policy.standing(policeBe)).isNotEqualTo(SourcePolicy.Standing.OFFICIAL);
        assertThat(policy.confirmsEmergencyNumbers("https://www.gov.uk/foreign-travel-advice"))
                .as("a government")
                .isTrue();
        assertThat(policy.confirmsEmergencyNumbers("https://some-travel-blog.com/korea"))
                .isFalse();
    }

    @Test
    void aGuessedOrUnsourcedNumberIsRefusedWithItsLine() {
        Path root = TestCorpora.copyOfReal(tmp.resolve("faq"));
        TestCorpora.write(root.resolve("countries.tsv"), """
                iso2\tcountry_vi\tcountry_en\tnames\tpolice\tambulance\tfire\tgeneral\tstatus\tsource_url\texcerpt
                JP\tNhật Bản\tJapan\tNhật Bản, Japan\t110\t119\t119\t\tCONFIRMED\thttps://www.city.odate.lg.jp/x\tdial 110 … dial 119
                RU\tNga\tRussia\tnước Nga\t\t\t\t112\tUNCONFIRMED\t\t
                KR\tHàn Quốc\tKorea\tHàn Quốc\t112\t\t\t\tCONFIRMED\thttps://some-travel-blog.com/korea\tcall 112
                XX\tNowhere\tNowhere\tNowhere\t11a\t\t\t\tCONFIRMED\thttps://www.gov.uk/x\tcall 11a
                JP\tNhật Bản\tJapan\tNhật\t110\t\t\t\tCONFIRMED\thttps://www.city.odate.lg.jp/x\tdial 110
                DE\tĐức\tGermany\tnước Đức\t110\t\t\t112\tCONFIRMED\thttps://www.bund.de/x\tcall 1120 or 112
                """);
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(root);
        assertThat(report.corpus()).isEmpty();
        assertThat(report.problems())
                .extracting(CorpusProblem::toString)
                .containsExactly(
                        "countries.tsv:3: an UNCONFIRMED country may carry no number: a guessed number is never printed; leave the"
                                + " cells empty until an official page confirms it",
                        "countries.tsv:4: a CONFIRMED number must cite a page sources.yaml lists as official, not"
                                + " 'https://some-travel-blog.com/korea'",
                        "countries.tsv:5: police must be digits only (2 to 6), not '11a'",
                        "countries.tsv:6: country JP is listed twice",
                        "countries.tsv:7: the number 110 is not in the excerpt quoted from the page: copy the words that give it,"
                                + " or check the number");
    }
}
