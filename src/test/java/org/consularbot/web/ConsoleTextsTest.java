package org.consularbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.consularbot.handoff.DeskRefusal;
import org.consularbot.handoff.OfficerDesk;
import org.junit.jupiter.api.Test;

/** Every refusal of the desk has the console's words in both languages, with room for the same arguments. */
class ConsoleTextsTest {

    @Test
    void everyDeskRefusalIsWordedInVietnameseAndEnglish() {
        for (DeskRefusal why : DeskRefusal.values()) {
            Object[] args = Collections.nCopies(3, "X").toArray();
            OfficerDesk.Result result = OfficerDesk.Result.refused(why, args);
            String vietnamese = ConsoleTickets.words(ConsoleTexts.VI, result);
            String english = ConsoleTickets.words(ConsoleTexts.EN, result);

            assertThat(vietnamese)
                    .as(why.name())
                    .isNotBlank()
                    .isNotEqualTo(english)
                    .doesNotContain("%");
            assertThat(english).as(why.name()).isNotBlank().doesNotContain("%");
        }
    }

    @Test
    void aRefusalKeepsItsArgumentsAndADoneMessageStaysTheDesks() {
        OfficerDesk.Result held = OfficerDesk.Result.refused(DeskRefusal.HELD_BY, 12L, "Lan");

        assertThat(held.message()).isEqualTo("#12 is already with Lan.");
        assertThat(ConsoleTickets.words(ConsoleTexts.VI, held)).isEqualTo("Yêu cầu #12 đã do Lan nhận.");
        assertThat(ConsoleTickets.words(ConsoleTexts.VI, new OfficerDesk.Result(true, "Sent to #12.")))
                .isEqualTo("Sent to #12.");
    }
}
