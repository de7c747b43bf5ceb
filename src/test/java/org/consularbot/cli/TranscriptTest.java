package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.consularbot.handoff.OfficerMessage;
import org.junit.jupiter.api.Test;

/**
 * What an officer reads of a conversation (issue 18): {@code /transcript} listed only the citizen's lines, "/start"
 * included, and a released ticket's new card had no history, so the next officer started blind.
 */
class TranscriptTest extends AssembledHandoff {

    @Test
    void theTranscriptShowsTheCitizenTheBotAndTheOfficersWithTimesAndNotStart() {
        citizen("201", "/start");
        citizen("201", "/human");
        long id = bot.tickets.open().get(0).id();
        clock.advance(Duration.ofMinutes(2));
        desk.take("7", id);
        desk.reply("7", id, "Chào bạn, chị cần gì?");
        clock.advance(Duration.ofMinutes(1));
        citizen("201", "em mất hộ chiếu");

        String transcript = desk.transcript("7", id).message();

        List<String> lines = transcript.lines().skip(1).toList();
        assertThat(transcript.lines().findFirst()).contains("#" + id + " transcript:");
        assertThat(lines).allMatch(line -> line.matches("› \\d\\d/\\d\\d \\d\\d:\\d\\d (citizen|bot|officer): .*"));
        assertThat(lines.get(0)).contains("10:00 citizen: /human"); // the mission's time (Toronto), not UTC
        assertThat(lines.get(1)).contains("bot: ");
        assertThat(transcript)
                .contains(
                        "officer: 👤 Lan đã nhận", "officer: 👤 Lan: Chào bạn, chị cần gì?", "citizen: em mất hộ chiếu")
                .doesNotContain("/start");
        assertThat(transcript.indexOf("Chào bạn, chị cần gì?")).isLessThan(transcript.indexOf("em mất hộ chiếu"));
    }

    @Test
    void aReleasedTicketsNewCardCarriesTheConversationsLastLines() {
        citizen("202", "/human");
        long id = bot.tickets.open().get(0).id();
        desk.take("7", id);
        desk.reply("7", id, "Anh gửi ảnh hộ chiếu nhé");
        clock.advance(Duration.ofMinutes(1));
        citizen("202", "em gửi rồi ạ");
        forOfficers();

        desk.release("7", id);

        OfficerMessage card = forOfficers().stream()
                .filter(m -> m.kind() == OfficerMessage.Kind.CARD)
                .findFirst()
                .orElseThrow();
        assertThat(card.text())
                .contains("officer: 👤 Lan: Anh gửi ảnh hộ chiếu nhé", "citizen: em gửi rồi ạ", "↩ released by Lan")
                .contains("/take " + id);
    }
}
