package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Retrieval of official passages on the real corpus and bulletins, as citizens type. */
class PassageIndexTest {

    private static final PassageIndex INDEX = new PassageIndex(TestCorpora.real());

    @Test
    void everyFaqAnswerInBothLanguagesAndEveryBulletinParagraphIsAPassage() {
        Corpus corpus = TestCorpora.real();
        int paragraphs =
                corpus.docs().stream().mapToInt(d -> d.paragraphs().size()).sum();

        assertThat(INDEX.size()).isEqualTo(corpus.entries().size() * 2 + paragraphs);
    }

    @Test
    void theSameQuestionWithAndWithoutDiacriticsFindsTheSameBulletin() {
        List<PassageIndex.Hit> written =
                INDEX.search("Hồi tháng 3 năm 2020 sứ quán bên Canada có dặn hạn chế đi lại không", Language.VI, 3);
        List<PassageIndex.Hit> typed =
                INDEX.search("hoi thang 3 nam 2020 su quan ben canada co dan han che di lai ko", Language.VI, 3);

        assertThat(written.get(0).passage().docId()).isIn("covid19-canada-advice-2020", "covid.embassy-advice-2020");
        assertThat(typed.get(0).passage().docId())
                .isEqualTo(written.get(0).passage().docId());
        assertThat(written.get(0).coverage()).isGreaterThan(0.5);
    }

    @Test
    void passagesCarryTheirSourceAndDateAndAreMarkedHistorical() {
        Passage top = INDEX.search("chuyến bay giải cứu đặt cọc giữ chỗ", Language.VI, 1)
                .get(0)
                .passage();

        assertThat(top.source()).startsWith("https://");
        assertThat(top.dateLabel()).matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
        assertThat(top.historical()).isTrue();
    }

    @Test
    void anOffTopicQuestionCoversLittleAndNonsenseFindsNothing() {
        List<PassageIndex.Hit> weather = INDEX.search("what is the weather in Ottawa", Language.EN, 3);

        assertThat(weather).allSatisfy(hit -> assertThat(hit.coverage()).isLessThan(0.3));
        assertThat(INDEX.search("", Language.VI, 3)).isEmpty();
        assertThat(INDEX.search("🙂🙂🙂 ....", Language.VI, 3)).isEmpty();
    }
}
