package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Real update JSON, as Telegram sends it, read with telegrambots' own types. */
class TelegramUpdatesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private final TelegramUpdates updates = new TelegramUpdates(CLOCK, "embassy_bot");

    @Test
    void aPrivateTextMessageIsATurnForThatChat() throws Exception {
        Incoming.Turn turn = turn("""
                {"update_id": 10, "message": {"message_id": 7, "date": 1790000000, "text": "ho chieu het han",
                 "from": {"id": 42, "is_bot": false, "first_name": "An"}, "chat": {"id": 42, "type": "private"}}}""");

        InboundMessage message = turn.message();
        assertThat(message.conversation()).isEqualTo(new ConversationKey("telegram", "42"));
        assertThat(message.channelMessageId()).isEqualTo("7");
        assertThat(message.kind()).isEqualTo(ContentKind.TEXT);
        assertThat(message.text()).isEqualTo("ho chieu het han");
        assertThat(message.receivedAt()).isEqualTo(Instant.ofEpochSecond(1_790_000_000));
        assertThat(turn.callbackQueryId()).isEmpty();
    }

    @Test
    void anEditIsANewMessageWithItsOwnId() throws Exception {
        Incoming.Turn turn = turn("""
                {"update_id": 11, "edited_message": {"message_id": 7, "date": 1790000000, "edit_date": 1790000060,
                 "text": "ho chieu het han lam lai o dau",
                 "from": {"id": 42, "is_bot": false, "first_name": "An"}, "chat": {"id": 42, "type": "private"}}}""");

        assertThat(turn.message().channelMessageId()).isEqualTo("7-edit-1790000060");
        assertThat(turn.message().text()).isEqualTo("ho chieu het han lam lai o dau");
    }

    @Test
    void aButtonPressCarriesItsDataAndTheCallbackToAnswer() throws Exception {
        Incoming.Turn turn = turn("""
                {"update_id": 12, "callback_query": {"id": "4382", "chat_instance": "-1", "data": "fb:+:passport.lost.replace",
                 "from": {"id": 42, "is_bot": false, "first_name": "An"},
                 "message": {"message_id": 8, "date": 1790000001, "text": "…", "chat": {"id": 42, "type": "private"}}}}""");

        assertThat(turn.message().kind()).isEqualTo(ContentKind.BUTTON);
        assertThat(turn.message().text()).isEqualTo("fb:+:passport.lost.replace");
        assertThat(turn.message().channelMessageId()).isEqualTo("button-4382");
        assertThat(turn.message().receivedAt()).isEqualTo(CLOCK.instant());
        assertThat(turn.callbackQueryId()).contains("4382");
    }

    @Test
    void aPhotoKeepsItsCaptionSoAnEmergencyInItIsStillRead() throws Exception {
        Incoming.Turn turn = turn("""
                {"update_id": 13, "message": {"message_id": 9, "date": 1790000000, "caption": "toi bi cuop",
                 "photo": [{"file_id": "p", "file_unique_id": "u", "width": 90, "height": 90}],
                 "from": {"id": 42, "is_bot": false, "first_name": "An"}, "chat": {"id": 42, "type": "private"}}}""");

        assertThat(turn.message().kind()).isEqualTo(ContentKind.PHOTO);
        assertThat(turn.message().text()).isEqualTo("toi bi cuop");
    }

    @Test
    void stickersVoiceLocationsAndFilesAreTheirKind() throws Exception {
        assertThat(
                        kindOf(
                                "\"sticker\": {\"file_id\": \"s\", \"file_unique_id\": \"u\", \"type\": \"regular\", \"width\": 1, \"height\": 1, \"is_animated\": false, \"is_video\": false}"))
                .isEqualTo(ContentKind.STICKER);
        assertThat(kindOf("\"voice\": {\"file_id\": \"v\", \"file_unique_id\": \"u\", \"duration\": 3}"))
                .isEqualTo(ContentKind.VOICE);
        assertThat(kindOf("\"location\": {\"latitude\": 45.4, \"longitude\": -75.7}"))
                .isEqualTo(ContentKind.LOCATION);
        assertThat(kindOf("\"document\": {\"file_id\": \"d\", \"file_unique_id\": \"u\"}"))
                .isEqualTo(ContentKind.FILE);
        assertThat(kindOf("\"dice\": {\"emoji\": \"🎲\", \"value\": 3}")).isEqualTo(ContentKind.OTHER);
    }

    @Test
    void inGroupsOnlyCommandsGetAnswerAndOnlyAsANotice() throws Exception {
        String group = """
                {"update_id": 14, "message": {"message_id": 1, "date": 1790000000, "text": "%s",
                 "from": {"id": 42, "is_bot": false, "first_name": "An"}, "chat": {"id": -100123, "type": "supergroup", "title": "g"}}}""";

        assertThat(read(group.formatted("/start@embassy_bot"))).isEqualTo(new Incoming.GroupCommand(-100123));
        assertThat(read(group.formatted("/help"))).isEqualTo(new Incoming.GroupCommand(-100123));
        assertThat(read(group.formatted("/help@Other_Bot")))
                .as("another bot's command")
                .isInstanceOf(Incoming.Ignored.class);
        assertThat(read(group.formatted("toi mat ho chieu"))).isInstanceOf(Incoming.Ignored.class);
    }

    @Test
    void otherUpdatesAndBotsAreIgnored() throws Exception {
        assertThat(read("{\"update_id\": 15, \"my_chat_member\": {\"chat\": {\"id\": 42, \"type\": \"private\"}, "
                        + "\"from\": {\"id\": 42, \"is_bot\": false, \"first_name\": \"An\"}, \"date\": 1}}"))
                .isInstanceOf(Incoming.Ignored.class);
        assertThat(read("""
                {"update_id": 16, "message": {"message_id": 1, "date": 1790000000, "text": "hi",
                 "from": {"id": 43, "is_bot": true, "first_name": "Bot"}, "chat": {"id": 43, "type": "private"}}}""")).isInstanceOf(Incoming.Ignored.class);
        assertThat(updates.read(null)).isInstanceOf(Incoming.Ignored.class);
    }

    private ContentKind kindOf(String content) throws Exception {
        return turn("{\"update_id\": 20, \"message\": {\"message_id\": 3, \"date\": 1790000000, " + content
                        + ", \"from\": {\"id\": 42, \"is_bot\": false, \"first_name\": \"An\"}, \"chat\": {\"id\": 42, \"type\": \"private\"}}}")
                .message()
                .kind();
    }

    private Incoming.Turn turn(String json) throws Exception {
        Incoming incoming = read(json);
        assertThat(incoming).isInstanceOf(Incoming.Turn.class);
        return (Incoming.Turn) incoming;
    }

    private Incoming read(String json) throws Exception {
        return updates.read(new ObjectMapper().readValue(json, Update.class));
    }
}
