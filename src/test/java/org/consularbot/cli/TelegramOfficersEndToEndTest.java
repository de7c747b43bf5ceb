package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.channel.telegram.TelegramUpdateJson.groupMessage;
import static org.consularbot.channel.telegram.TelegramUpdateJson.replyingTo;
import static org.consularbot.channel.telegram.TelegramUpdateJson.update;
import static org.consularbot.channel.telegram.TelegramUpdateJson.user;
import static org.consularbot.cli.TelegramEndToEndTest.TOKEN;
import static org.consularbot.cli.TelegramEndToEndTest.only;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.TicketStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The officers' Telegram group end to end, against the emulator: an emergency raises a card, an officer takes it
 * with the button, messages flow both ways (a citizen's relayed into the group and acknowledged to them, an officer's
 * reply to the card sent to the citizen), /close gives the conversation back to the bot; someone not listed is refused.
 */
class TelegramOfficersEndToEndTest {

    static final long GROUP = -1_000_777;
    static final long LAN = 7_001;
    static final long STRANGER = 7_666;

    static TelegramEmulator telegram;
    static RunningBot bot;

    @BeforeAll
    static void start() throws Exception {
        telegram = TelegramEmulator.start();
        bot = TelegramEndToEndTest.startBot(telegram, Map.of("TELEGRAM_OFFICER_CHAT_ID", String.valueOf(GROUP)));
        bot.assembly().officers.add(new Officer(String.valueOf(LAN), "Lan", Officer.Role.OFFICER), Instant.now());
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void anEmergencyIsTakenAnsweredAndClosedFromTheOfficersGroup() throws SQLException {
        long citizen = 62_001;
        telegram.userSays(TOKEN, citizen, "toi bi canh sat bat");
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("+84 981 84 84 84");

        JsonNode card = only(telegram.botMessages(TOKEN, GROUP, 1));
        assertThat(card.path("text").asText()).contains("URGENT #", "toi bi canh sat bat", "tg://user?id=" + LAN);
        long ticket = bot.assembly().tickets.open().get(0).id();
        assertThat(TelegramEndToEndTest.buttons(card)).containsExactly("tk:take:" + ticket, "tk:close:" + ticket);

        telegram.userPresses(TOKEN, STRANGER, GROUP, "tk:take:" + ticket);
        telegram.userPresses(TOKEN, LAN, GROUP, "tk:take:" + ticket);
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("Lan", "đã nhận");
        assertThat(bot.assembly().tickets.find(ticket).orElseThrow().officerId())
                .contains(String.valueOf(LAN));
        assertThat(telegram.calls("answerCallbackQuery"))
                .anySatisfy(call ->
                        assertThat(call.path("body").path("text").asText()).contains("not a listed officer"));
        assertThat(only(telegram.botMessages(TOKEN, GROUP, 1)).path("text").asText())
                .contains("taken by Lan");

        telegram.userSays(TOKEN, citizen, "em o Toronto a");
        assertThat(only(telegram.botMessages(TOKEN, GROUP, 1)).path("text").asText())
                .as("relayed, naming the officer who holds it")
                .startsWith("#" + ticket + " 💬 em o Toronto a")
                .contains("tg://user?id=" + LAN);
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .as("the citizen is told it reached the officer")
                .contains("Đã chuyển tới cán bộ đang phụ trách");

        telegram.inject(
                TOKEN, update(replyingTo(inGroup(LAN, "Chị Lan đây, em giữ máy nhé."), cardMessageId(card), "card")));
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .isEqualTo("👤 Lan: Chị Lan đây, em giữ máy nhé.");

        telegram.inject(TOKEN, update(inGroup(LAN, "/close " + ticket)));
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("kết thúc");
        assertThat(bot.assembly().tickets.find(ticket).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        List<JsonNode> group = telegram.botMessages(TOKEN, GROUP, 2);
        assertThat(group)
                .extracting(m -> m.path("text").asText())
                .anySatisfy(t -> assertThat(t).contains("closed"));
        assertThat(ticketsOfStoredActions())
                .as("both presses, the reply to the card and /close: each stored with its ticket, so that a citizen"
                        + " who withdraws consent takes the actions about them along")
                .containsExactly(ticket, ticket, ticket, ticket);
    }

    private static List<Long> ticketsOfStoredActions() throws SQLException {
        List<Long> tickets = new ArrayList<>();
        try (Connection connection = bot.assembly().database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ticket_id FROM officer_inbox")) {
            while (rows.next()) {
                tickets.add(rows.getObject(1) == null ? null : rows.getLong(1));
            }
        }
        return tickets;
    }

    private static long cardMessageId(JsonNode card) {
        return card.path("message_id").asLong();
    }

    private static ObjectNode inGroup(long from, String text) {
        return groupMessage(GROUP, "Trực ban", user(from), text);
    }
}
