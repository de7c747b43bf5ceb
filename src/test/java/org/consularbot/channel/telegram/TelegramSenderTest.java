package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.DeliveryException;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** How Telegram's answers become outbox decisions, with a Mockito client (the emulator covers the wire). */
class TelegramSenderTest {

    private final TelegramClient client = mock(TelegramClient.class);
    private final SendPacerTest.FakeTime time = new SendPacerTest.FakeTime();
    private final TelegramSender sender =
            new TelegramSender(client, new SendPacer(30, Duration.ZERO, time, time), time);

    @Test
    void aLongAnswerGoesAsSeveralMessagesWithTheButtonsUnderTheLast() throws Exception {
        String text = ("Một đoạn dài về thủ tục. ".repeat(100).strip() + "\n\n")
                .repeat(4)
                .strip();
        Reply reply = new Reply(
                ReplyKind.ANSWER,
                text,
                List.of(),
                List.of(new Button("👍", "fb:+:x"), new Button("👎", "fb:-:x")),
                Optional.of("x"));

        sender.send(entry(reply));

        ArgumentCaptor<SendMessage> sent = ArgumentCaptor.forClass(SendMessage.class);
        verify(
                        client,
                        times(TelegramFormat.split(text, TelegramFormat.MAX_MESSAGE)
                                .size()))
                .execute(sent.capture());
        List<SendMessage> messages = sent.getAllValues();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(sent.getAllValues()).allSatisfy(m -> {
            assertThat(m.getChatId()).isEqualTo("42");
            assertThat(m.getParseMode()).isEqualToIgnoringCase("html");
            assertThat(m.getText().length()).isLessThanOrEqualTo(4096);
        });
        assertThat(messages.subList(0, messages.size() - 1))
                .allSatisfy(m -> assertThat(m.getReplyMarkup()).isNull());
        assertThat(messages.get(messages.size() - 1).getReplyMarkup()).isNotNull();
        assertThat(String.join(
                        "\n\n", messages.stream().map(SendMessage::getText).toList()))
                .isEqualTo(text);
    }

    @Test
    void aLaterPartRefusedWith429IsRetriedInPlaceSoEarlierPartsAreNotSentTwice() throws Exception {
        String text = ("Đoạn dài. ".repeat(300).strip() + "\n\n").repeat(2).strip();
        when(client.execute(any(SendMessage.class)))
                .thenReturn(null)
                .thenThrow(refusal(429, "Too Many Requests", 3))
                .thenReturn(null);

        sender.send(entry(Reply.text(ReplyKind.ANSWER, text)));

        verify(client, times(3)).execute(any(SendMessage.class));
        assertThat(time.sleeps).contains(Duration.ofSeconds(3));
    }

    @Test
    void aFirstPartRefusedFailsTheReplyForTheOutboxToRetry() throws Exception {
        when(client.execute(any(SendMessage.class))).thenThrow(refusal(502, "Bad Gateway", null));

        assertThat(catchThrowableOfType(
                        DeliveryException.class, () -> sender.send(entry(Reply.text(ReplyKind.HELP, "x")))))
                .isNotNull();
        verify(client, times(1)).execute(any(SendMessage.class));
    }

    @Test
    void tooManyRequestsIsRetriedAfterWhatTelegramAsks() throws Exception {
        when(client.execute(any(SendMessage.class))).thenThrow(refusal(429, "Too Many Requests: retry after 7", 7));

        DeliveryException e = catchThrowableOfType(
                DeliveryException.class, () -> sender.send(entry(Reply.text(ReplyKind.HELP, "x"))));

        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aBlockedBotOrAMissingChatIsNotRetried() throws Exception {
        when(client.execute(any(SendMessage.class)))
                .thenThrow(refusal(403, "Forbidden: bot was blocked by the user", null));
        assertThat(catchThrowableOfType(
                                DeliveryException.class, () -> sender.send(entry(Reply.text(ReplyKind.HELP, "x"))))
                        .permanent())
                .isTrue();

        when(client.execute(any(SendMessage.class))).thenThrow(refusal(400, "Bad Request: chat not found", null));
        assertThat(catchThrowableOfType(
                                DeliveryException.class, () -> sender.send(entry(Reply.text(ReplyKind.HELP, "x"))))
                        .permanent())
                .isTrue();
    }

    @Test
    void serverErrorsAndNetworkFailuresAreRetried() throws Exception {
        when(client.execute(any(SendMessage.class))).thenThrow(refusal(502, "Bad Gateway", null));
        DeliveryException server = catchThrowableOfType(
                DeliveryException.class, () -> sender.send(entry(Reply.text(ReplyKind.HELP, "x"))));
        assertThat(server.permanent()).isFalse();
        assertThat(server.retryAfter()).isEmpty();

        when(client.execute(any(SendMessage.class)))
                .thenThrow(new TelegramApiException("Unable to execute sendmessage", new IOException("timeout")));
        assertThat(catchThrowableOfType(
                                DeliveryException.class, () -> sender.send(entry(Reply.text(ReplyKind.HELP, "x"))))
                        .permanent())
                .isFalse();
    }

    private static TelegramApiRequestException refusal(int code, String description, Integer retryAfter)
            throws Exception {
        ResponseParameters parameters = retryAfter == null
                ? null
                : new ObjectMapper().readValue("{\"retry_after\": " + retryAfter + "}", ResponseParameters.class);
        return new TelegramApiRequestException(
                "Error sending message",
                ApiResponse.builder()
                        .ok(false)
                        .errorCode(code)
                        .errorDescription(description)
                        .parameters(parameters)
                        .build());
    }

    /**
     * Regression (issue 17, lanes): a chat's one-second pacing used to be slept on the lane thread, so 40 messages
     * from one chat delayed another citizen on the same lane by 39 s. Now the paced reply is held in the outbox.
     */
    @Test
    void aChatsOwnPacingIsHeldNotSleptOnSoAnotherChatGoesAtOnce() throws Exception {
        SendPacerTest.FakeTime paced = new SendPacerTest.FakeTime();
        TelegramSender pacedSender =
                new TelegramSender(client, new SendPacer(30, Duration.ofSeconds(1), paced, paced), paced);
        Reply reply = Reply.text(ReplyKind.ANSWER, "Trả lời.");
        pacedSender.send(entry(reply, "42"));
        Instant before = paced.instant();

        DeliveryException held =
                catchThrowableOfType(DeliveryException.class, () -> pacedSender.send(entry(reply, "42")));
        pacedSender.send(entry(reply, "43"));

        assertThat(held.held()).isTrue();
        assertThat(held.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait)
                        .isGreaterThan(TelegramSender.HOLD_OVER)
                        .isLessThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(Duration.between(before, paced.instant()))
                .as("nothing slept on for the other chat")
                .isLessThan(Duration.ofMillis(100));
        verify(client, times(2)).execute(any(SendMessage.class));
    }

    private static OutboxEntry entry(Reply reply, String chatId) {
        return new OutboxEntry(1, 1, new ConversationKey("telegram", chatId), reply, Instant.EPOCH, 0);
    }

    private static OutboxEntry entry(Reply reply) {
        return new OutboxEntry(1, 1, new ConversationKey("telegram", "42"), reply, Instant.EPOCH, 0);
    }
}
