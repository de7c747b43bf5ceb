package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.conversation.DialogueTest.RENEW_ID;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.junit.jupiter.api.Test;

/**
 * What a channel's refusal does to a reply: a retriable one is tried again after a backoff (or the channel's own
 * wait) up to the maximum attempts, a permanent one never, and a held one uses up no attempt and keeps the chat's later
 * replies behind it.
 */
class ReplyDeliveryFailuresTest {

    @Test
    void aRetriableDeliveryFailureLeavesTheReplyUnsentUntilResendDeliversIt() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            Chat chat = bot.chat("c1");
            bot.sender.failNext(new DeliveryException("Telegram 502", false, null));

            assertThat(chat.say(RENEW_VI)).isEmpty();
            assertThat(chat.last.replies()).hasSize(1);
            assertThat(bot.outbox.unsent(10))
                    .singleElement()
                    .extracting(OutboxEntry::attempts)
                    .isEqualTo(1);

            assertThat(bot.delivery.sendDue()).as("not due yet: backoff").isZero();
            bot.clock.advance(Duration.ofSeconds(2));
            assertThat(bot.delivery.sendDue()).isEqualTo(1);
            assertThat(bot.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
            assertThat(bot.outbox.unsent(10)).isEmpty();
            assertThat(bot.delivery.sendDue()).isZero();
            assertThat(bot.sender.sent()).hasSize(1);
        }
    }

    @Test
    void aPermanentDeliveryFailureIsNotRetried() throws DeliveryException {
        ReplySender blocked = mock(ReplySender.class);
        doThrow(new DeliveryException("bot blocked by the user", true, null))
                .when(blocked)
                .send(any());
        try (ConversationHarness bot =
                ConversationHarness.builder().sender(blocked).build()) {
            bot.chat("c1").say(RENEW_VI);

            assertThat(bot.outbox.unsent(10)).isEmpty();
            assertThat(bot.delivery.sendDue()).isZero();
            assertThat(bot.recovery.recover()).isEqualTo(new Recovery.Report(0, 0));
            verify(blocked, times(1)).send(any());
            assertThat(bot.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND last_error LIKE '%blocked%'"))
                    .isEqualTo(1);
        }
    }

    /** Regression (issue 17, lanes): a paced reply is held, not slept on, and the chat's later replies wait behind it. */
    @Test
    void aReplyTheChannelHeldKeepsTheChatsLaterRepliesBehindIt() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            Chat chat = bot.chat("c1");
            bot.sender.failNext(DeliveryException.held("paced", Duration.ofSeconds(1)));

            assertThat(chat.say(RENEW_VI)).isEmpty();
            assertThat(chat.say("cảm ơn nhiều nhé")).as("behind the held reply").isEmpty();
            assertThat(bot.sender.sent()).isEmpty();
            assertThat(bot.outbox.unsent(10))
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.attempts())
                            .as("holding uses up no attempt")
                            .isZero());

            bot.clock.advance(Duration.ofSeconds(1));
            assertThat(bot.delivery.sendDue()).isEqualTo(2);
            assertThat(bot.sender.sent()).hasSize(2);
            assertThat(bot.sender.sent().get(0).reply().entryId())
                    .as("in the order the citizen was answered")
                    .contains(RENEW_ID);
        }
    }

    @Test
    void aRetriableFailureIsGivenUpAfterTheMaximumAttempts() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            for (int i = 0; i < Outbox.MAX_ATTEMPTS; i++) {
                bot.sender.failNext(new DeliveryException("timeout", false, null));
            }
            bot.chat("c1").say(RENEW_VI);
            for (int i = 1; i < Outbox.MAX_ATTEMPTS; i++) {
                bot.clock.advance(Duration.ofMinutes(5));
                assertThat(bot.delivery.sendDue()).isZero();
            }

            assertThat(bot.sender.attempts()).isEqualTo(Outbox.MAX_ATTEMPTS);
            assertThat(bot.outbox.unsent(10)).isEmpty();
            bot.clock.advance(Duration.ofMinutes(5));
            assertThat(bot.delivery.sendDue()).isZero();
            assertThat(bot.sender.attempts()).isEqualTo(Outbox.MAX_ATTEMPTS);
        }
    }

    @Test
    void aChannelsRetryAfterIsHonouredBeforeTheNextAttempt() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.sender.failNext(new DeliveryException("429 Too Many Requests", false, Duration.ofSeconds(30), null));
            bot.chat("c1").say(RENEW_VI);

            bot.clock.advance(Duration.ofSeconds(29));
            assertThat(bot.delivery.sendDue()).isZero();
            bot.clock.advance(Duration.ofSeconds(1));
            assertThat(bot.delivery.sendDue()).isEqualTo(1);
            assertThat(bot.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
        }
    }
}
