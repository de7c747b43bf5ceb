package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.conversation.DialogueTest.HOTLINE;
import static org.consularbot.conversation.EmergencyDialogueTest.ARRESTED_EN;
import static org.consularbot.conversation.EmergencyDialogueTest.ARRESTED_VI;

import java.util.List;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same emergency written again and again (issue 17): answered in full once per window, one urgent card for the
 * officers, every message on their ticket; a different emergency is always a new one. "The same" is what the
 * conversation remembers it declared, not a guess from the last answer.
 */
class RepeatedEmergencyTest {

    /** A calm question whose answer is the arrest emergency's first steps: no emergency declared. */
    static final String CALM_ARREST_EN = "If I get arrested abroad what should I do?";

    static final String ARREST_STEPS = "emergency.arrest.what-to-do-now";
    /** A cry for help naming no situation. */
    static final String CRY_VI = "cứu em";

    static final String ACCIDENT_EN = "my friend was in an accident and is in hospital";
    static final String ACCIDENT_STEPS = "emergency.medical.accident-hospital";

    private ConversationHarness bot = ConversationHarness.create();
    private Chat chat = bot.chat("citizen-1");

    @AfterEach
    void close() {
        bot.close();
    }

    /**
     * Regression (issue 17): a calm question answered with the arrest steps, then /human, then a real arrest was
     * taken for a repeat (same last entry, last turn a moment ago): acknowledged, no urgent card, the normal ticket
     * never raised.
     */
    @Test
    void anEmergencyAfterACalmAnswerWithItsFirstStepsAndANormalTicketRaisesTheTicketUrgently() {
        bot.escalation.available = true;
        assertThat(chat.say(CALM_ARREST_EN).get(0).entryId()).contains(ARREST_STEPS);
        chat.say("/human");
        assertThat(bot.escalation.requests)
                .singleElement()
                .extracting(OfficerRequest::urgent)
                .isEqualTo(false);

        List<Reply> replies = chat.say(ARRESTED_EN);

        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(r.text()).startsWith("🆘 EMERGENCY").contains(HOTLINE);
            assertThat(r.entryId()).contains(ARREST_STEPS);
        });
        assertThat(bot.escalation.requests).hasSize(2).last().satisfies(r -> {
            assertThat(r.urgent()).isTrue();
            assertThat(r.situation()).hasValue("arrest");
        });
        assertThat(bot.escalation.relayed).extracting(InboundMessage::text).containsExactly(ARRESTED_EN);
    }

    /** Regression: an emergency declared while no officer could be reached was taken for already on their ticket. */
    @Test
    void anEmergencyDeclaredWhenNoOfficerCouldBeReachedIsRaisedUrgentlyOnceOneCanBe() {
        chat.say(ARRESTED_EN);
        assertThat(bot.escalation.requests).isEmpty();
        bot.escalation.available = true;
        chat.say("/human");

        Reply again = chat.say(ARRESTED_EN + " please hurry").get(0);

        assertThat(again.text()).startsWith("🆘 EMERGENCY").doesNotContain("gone straight to the duty officer");
        assertThat(bot.escalation.requests)
                .extracting(OfficerRequest::urgent)
                .as("the /human ticket, then the emergency")
                .containsExactly(false, true);
    }

    /** Regression (issue 17): each press of "I am in danger" raised a new urgent card and the whole reply again. */
    @Test
    void theDangerButtonPressedAgainAfterAnEmergencyIsRelayedAndAcknowledgedNotRaisedAgain() {
        bot.escalation.available = true;
        chat.say(ARRESTED_EN);

        for (int i = 0; i < 3; i++) {
            assertThat(chat.press(Dialogue.DANGER)).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(ReplyKind.EMERGENCY);
                assertThat(r.text())
                        .contains("gone straight to the duty officer")
                        .contains(HOTLINE);
            });
        }
        Chat pressedFirst = bot.chat("citizen-2");
        assertThat(pressedFirst.press(Dialogue.DANGER).get(0).text()).contains("KHẨN CẤP");
        assertThat(pressedFirst.press(Dialogue.DANGER).get(0).text()).contains("chuyển ngay cho cán bộ trực");

        assertThat(bot.escalation.requests)
                .as("one urgent card per chat")
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.urgent()).isTrue());
        assertThat(bot.escalation.relayed)
                .extracting(InboundMessage::text)
                .containsExactly(Dialogue.DANGER, Dialogue.DANGER, Dialogue.DANGER, Dialogue.DANGER);
    }

    @Test
    void theDangerButtonAfterANormalTicketStillRaisesItUrgently() {
        bot.escalation.available = true;
        chat.say("/human");

        assertThat(chat.press(Dialogue.DANGER).get(0).text()).startsWith("🆘 KHẨN CẤP");

        assertThat(bot.escalation.requests).extracting(OfficerRequest::urgent).containsExactly(false, true);
    }

    /** Regression (issue 17): with no officers, each repeat got the whole first steps again. */
    @Test
    void withNoOfficersTheSameEmergencyAgainGetsAShortReplyWithTheHotlineAndADifferentOneTheFullReply() {
        Reply first = chat.say(ARRESTED_VI).get(0);
        assertThat(first.entryId()).contains(ARREST_STEPS);

        Reply cry = chat.say(CRY_VI).get(0);
        Reply pressed = chat.press(Dialogue.DANGER).get(0);
        Reply english = chat.say(ARRESTED_EN).get(0);

        for (Reply r : List.of(cry, pressed, english)) {
            assertThat(r.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(r.text()).contains(HOTLINE).doesNotContain("cán bộ").doesNotContain("officer");
            assertThat(r.text().length()).isLessThan(first.text().length() / 2);
            assertThat(r.entryId()).as("no first steps again").isEmpty();
        }
        assertThat(cry.text()).contains("tin nhắn trên");
        assertThat(english.text()).contains("message above");
        assertThat(chat.log()).anySatisfy(e -> assertThat(e.detail()).startsWith("emergency repeated"));

        assertThat(chat.say(ACCIDENT_EN).get(0).entryId())
                .as("a different emergency: its own first steps")
                .contains(ACCIDENT_STEPS);
        bot.clock.advance(Emergencies.REPEAT_WINDOW);
        assertThat(chat.say(ACCIDENT_EN).get(0).entryId())
                .as("after the window, the whole reply again")
                .contains(ACCIDENT_STEPS);
        assertThat(bot.escalation.requests).isEmpty();
    }

    /** The short replies keep the emergency numbers of where the person is: Japan's, never the host's. */
    @Test
    void theShortRepliesGiveTheLocalEmergencyNumbersOfWhereThePersonIs() {
        String robbedInJapan = "em đang ở Nhật, vừa bị cướp hết tiền và điện thoại, giờ phải làm sao";
        chat.say(robbedInJapan);
        assertThat(chat.say(CRY_VI).get(0).text())
                .contains("110", "119", HOTLINE)
                .doesNotContain("911");

        bot.escalation.available = true;
        Chat withOfficers = bot.chat("citizen-2");
        withOfficers.say(robbedInJapan);
        assertThat(withOfficers.say(CRY_VI).get(0).text())
                .contains("chuyển ngay cho cán bộ trực", "110", "119", HOTLINE)
                .doesNotContain("911");
    }

    /**
     * Regression (issue 17): emergencies skip the rate limit, and each "cứu em", repeat or press between them raised
     * its own urgent card. Now one card per window, every message on the ticket, none silenced.
     */
    @Test
    void aFloodOfTheSameEmergencyRaisesOneUrgentCardPerWindowAndEveryMessageReachesTheTicket() {
        bot.close();
        bot = ConversationHarness.builder().rateLimit(2).build();
        chat = bot.chat("citizen-1");
        bot.escalation.available = true;
        chat.say(ARRESTED_VI);

        for (int i = 0; i < 12; i++) {
            if (i == 6) {
                chat.officer(Trigger.OFFICER_JOINED);
            }
            List<Reply> replies = switch (i % 3) {
                case 0 -> chat.say(CRY_VI);
                case 1 -> chat.say(ARRESTED_VI + ", nhanh lên");
                default -> chat.press(Dialogue.DANGER);
            };
            assertThat(replies).as("message %d", i).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(ReplyKind.EMERGENCY);
                assertThat(r.text()).contains("chuyển ngay cho cán bộ trực").contains(HOTLINE);
            });
        }

        assertThat(bot.escalation.requests).as("one urgent card").hasSize(1);
        assertThat(bot.escalation.relayed).as("every message on the ticket").hasSize(12);
        assertThat(chat.log()).noneMatch(e -> e.type() == ConversationEvent.Type.RATE_LIMITED);

        bot.clock.advance(Emergencies.REPEAT_WINDOW);
        assertThat(chat.say(ARRESTED_VI).get(0).entryId()).contains(ARREST_STEPS);
        assertThat(bot.escalation.requests).as("a new window, a new card").hasSize(2);

        chat.officer(Trigger.CLOSED_BY_OFFICER);
        assertThat(chat.say(ARRESTED_VI).get(0).entryId()).contains(ARREST_STEPS);
        assertThat(bot.escalation.requests)
                .as("the officers closed it: the same words again are a new emergency")
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.urgent()).isTrue());
    }

    /** Regression (issue 17): repeated emergency messages each raised a new urgent card and the whole first steps. */
    @Test
    void theSameEmergencyAgainWhileOfficersHaveItIsRelayedAndAcknowledgedOnce() {
        bot.escalation.available = true;
        Reply first = chat.say(ARRESTED_EN).get(0);

        List<Reply> again = chat.say(ARRESTED_EN + " please hurry");

        assertThat(first.text()).contains("duty officer has been alerted");
        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(r.text()).contains(HOTLINE).contains("gone straight to the duty officer");
            assertThat(r.text().length()).isLessThan(first.text().length() / 2);
        });
        assertThat(bot.escalation.requests).as("one urgent card").hasSize(1);
        assertThat(bot.escalation.relayed)
                .extracting(InboundMessage::text)
                .containsExactly(ARRESTED_EN + " please hurry");

        bot.clock.advance(Emergencies.REPEAT_WINDOW);
        assertThat(chat.say(ARRESTED_EN).get(0).text())
                .as("after the window, the whole reply and a new card again")
                .contains("EMERGENCY");
        assertThat(bot.escalation.requests).hasSize(2);
    }
}
