package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mission facts marked confirmed or not: an unconfirmed phone, address or hours is never printed; answers send the
 * citizen to the mission's website in its place, and phones must be dialable from anywhere.
 */
class MissionFactsTest {

    @TempDir
    Path tmp;

    /** The real corpus with its mission.yaml edited and one entry whose answer uses the office phone. */
    private CorpusLoader.Report corpusWith(String oldText, String newText) throws Exception {
        Path root = TestCorpora.copyOfReal(tmp.resolve("faq"));
        Path mission = root.resolve("mission.yaml");
        String before = Files.readString(mission);
        assertThat(before).contains(oldText);
        Files.writeString(mission, before.replace(oldText, newText));
        return new CorpusLoader(TestCorpora.CLOCK).check(root);
    }

    @Test
    void anUnconfirmedFactReadsAsTheWebsiteInBothLanguages() {
        Corpus corpus = TestCorpora.real();
        Mission mission = corpus.mission();

        assertThat(mission.unconfirmed()).containsKeys("mission_phone", "mission_address", "mission_hours");
        String website = mission.fact("mission_website", Language.EN);
        assertThat(mission.fact("mission_phone", Language.EN)).isEqualTo("see the mission's website: " + website);
        assertThat(mission.fact("mission_phone", Language.VI))
                .isEqualTo("xem trang web của cơ quan đại diện: " + website);
        assertThat(mission.fact("mission_phone", Language.EN)).doesNotContainPattern("\\d{3}");
    }

    @Test
    void aConfirmedFactIsPrintedAsWritten() throws Exception {
        CorpusLoader.Report report = corpusWith(
                "  mission_phone:\n    unconfirmed: \"switchboard on vietnamembassy.ca not checked against an official source\"",
                "  mission_phone:\n    value: \"+1 613 000 0000\"\n    confirmed: \"test page, 2026-12-06\"");

        assertThat(report.problems()).isEmpty();
        Mission mission = report.corpus().orElseThrow().mission();
        assertThat(mission.fact("mission_phone", Language.VI)).isEqualTo("+1 613 000 0000");
        assertThat(mission.unconfirmed()).doesNotContainKey("mission_phone");
    }

    @Test
    void aPhoneWithoutItsCountryCodeIsRefused() throws Exception {
        CorpusLoader.Report report = corpusWith(
                "  mission_phone:\n    unconfirmed: \"switchboard on vietnamembassy.ca not checked against an official source\"",
                "  mission_phone: \"613 000 0000\"");

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo("mission.yaml");
            assertThat(p.message()).contains("mission_phone", "international format");
        });
    }
}
