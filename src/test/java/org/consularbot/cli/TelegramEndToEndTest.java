package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.channel.telegram.TelegramUpdateJson.groupMessage;
import static org.consularbot.channel.telegram.TelegramUpdateJson.privateMessage;
import static org.consularbot.channel.telegram.TelegramUpdateJson.update;
import static org.consularbot.channel.telegram.TelegramUpdateJson.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.consularbot.advisory.Subscriber;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.config.TelegramConfig;
import org.consularbot.config.WebConfig;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot as a Telegram citizen meets it: the whole service (database, bundled corpus, Telegram channel by long
 * polling) against a real Bot API peer, the telegram-test-api emulator, with tests acting as users.
 */
class TelegramEndToEndTest {

    static final String TOKEN = "7000001:AAtestTOKENforTheEmulator_0123456789";
    static final String HOTLINE = "+84 981 84 84 84";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong USERS = new AtomicLong(5000);

    static TelegramEmulator telegram;
    static RunningBot bot;

    @BeforeAll
    static void start() throws Exception {
        telegram = TelegramEmulator.start();
        bot = startBot(telegram, Map.of());
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

    static RunningBot startBot(TelegramEmulator telegram, Map<String, String> extra) throws Exception {
        Map<String, String> env =
                telegram.pollingBotSettings(TOKEN, "jdbc:h2:mem:telegram" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        env.putAll(Map.of(
                "TELEGRAM_CHAT_SEND_INTERVAL_MS",
                "0",
                "RATE_LIMIT_PER_MINUTE",
                "0",
                "HTTP_PORT",
                "0",
                "ADMIN_PORT",
                "0"));
        env.putAll(extra);
        Settings settings = Settings.load(TestCorpora.withModelCache(env), Path.of("target/no-such.env"));
        Clock clock = Clock.systemUTC();
        return RunningBot.start(
                BotConfig.from(settings),
                TelegramConfig.from(settings).orElseThrow(),
                WebConfig.from(settings),
                new CorpusSource(settings, clock),
                new PrintWriter(new StringWriter()),
                clock,
                Duration.ZERO);
    }

    @Test
    void theCommandMenuIsSetInVietnameseAndEnglish() {
        List<JsonNode> menus = telegram.calls("setMyCommands");

        assertThat(menus)
                .extracting(call -> call.path("body").path("language_code").asText(""))
                .contains("", "vi", "en");
        assertThat(menus)
                .allSatisfy(
                        call -> assertThat(call.path("body").path("commands").toString())
                                .contains(
                                        "\"start\"",
                                        "\"help\"",
                                        "\"human\"",
                                        "\"lang\"",
                                        "\"cancel\"",
                                        "\"subscribe\"",
                                        "\"unsubscribe\""));
    }

    @Test
    void aCitizenSubscribesToAdvisoriesAndUnsubscribesOverTelegram() {
        long citizen = USERS.incrementAndGet();
        Subscriber subscriber = new Subscriber("telegram", String.valueOf(citizen));
        telegram.userSays(TOKEN, citizen, "/start");
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("/subscribe");

        telegram.userSays(TOKEN, citizen, "/subscribe");
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("nước nào");
        telegram.userSays(TOKEN, citizen, "o nhat");
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("Đã ghi: Nhật Bản");
        telegram.userSays(TOKEN, citizen, "Nagoya");
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("Đã đăng ký", "Nhật Bản (Nagoya)");
        assertThat(bot.assembly().subscriptions.find(subscriber).orElseThrow().active())
                .isTrue();

        telegram.userSays(TOKEN, citizen, "/unsubscribe");
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("Đã hủy đăng ký");
        assertThat(bot.assembly().subscriptions.find(subscriber).orElseThrow().withdrawnAt())
                .isPresent();
    }

    @Test
    void aVietnameseQuestionGetsTheAnswerWithItsSourceAndFeedbackButtons() {
        long citizen = USERS.incrementAndGet();
        telegram.userSays(TOKEN, citizen, "Hộ chiếu hết hạn thì làm lại ở đâu?");

        JsonNode reply = only(telegram.botMessages(TOKEN, citizen, 1));
        assertThat(reply.path("text").asText()).contains("hộ chiếu", "Nguồn:");
        assertThat(reply.path("parse_mode").asText()).isEqualToIgnoringCase("html");
        assertThat(buttons(reply))
                .containsExactly("fb:+:passport.issue.renew-abroad", "fb:-:passport.issue.renew-abroad");
    }

    @Test
    void aQuestionWithoutDiacriticsGetsTheSameAnswer() {
        long citizen = USERS.incrementAndGet();
        telegram.userSays(TOKEN, citizen, "ho chieu het han lam lai o dau");

        JsonNode reply = only(telegram.botMessages(TOKEN, citizen, 1));
        assertThat(buttons(reply)).first().isEqualTo("fb:+:passport.issue.renew-abroad");
    }

    @Test
    void anEnglishQuestionIsAnsweredInEnglish() {
        long citizen = USERS.incrementAndGet();
        telegram.userSays(TOKEN, citizen, "my passport expired, how do I renew it?");

        JsonNode reply = only(telegram.botMessages(TOKEN, citizen, 1));
        assertThat(reply.path("text").asText()).contains("assport").containsAnyOf("Source:", "Did you mean");
    }

    @Test
    void pressingADidYouMeanButtonAnswersThatEntryAndStopsTheSpinner() {
        long citizen = USERS.incrementAndGet();
        telegram.userSays(TOKEN, citizen, "hộ chiếu");
        JsonNode suggestions = only(telegram.botMessages(TOKEN, citizen, 1));
        List<String> choices = buttons(suggestions).stream()
                .filter(data -> data.startsWith("faq:"))
                .toList();
        assertThat(choices).as("did-you-mean buttons").isNotEmpty();

        int spinnersBefore = telegram.calls("answerCallbackQuery").size();
        telegram.userPresses(TOKEN, citizen, choices.get(0));

        JsonNode answer = only(telegram.botMessages(TOKEN, citizen, 1));
        String entry = choices.get(0).substring("faq:".length());
        assertThat(buttons(answer)).contains("fb:+:" + entry);
        assertThat(telegram.calls("answerCallbackQuery")).hasSizeGreaterThan(spinnersBefore);
    }

    @Test
    void pressingThumbsUpThanksTheCitizenAndStoresTheFeedback() {
        long citizen = USERS.incrementAndGet();
        telegram.userSays(TOKEN, citizen, "ho chieu het han lam lai o dau");
        only(telegram.botMessages(TOKEN, citizen, 1));
        int before =
                bot.assembly().store.feedback("passport.issue.renew-abroad").size();

        telegram.userPresses(TOKEN, citizen, "fb:+:passport.issue.renew-abroad");

        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("Cảm ơn");
        assertThat(bot.assembly().store.feedback("passport.issue.renew-abroad")).hasSize(before + 1);
    }

    @Test
    void aStickerGetsAPoliteReplyWithTheHotline() {
        long citizen = USERS.incrementAndGet();
        telegram.inject(
                TOKEN,
                update(privateMessage(citizen)
                        .set(
                                "sticker",
                                JSON.createObjectNode()
                                        .put("file_id", "s1")
                                        .put("file_unique_id", "u1")
                                        .put("type", "regular")
                                        .put("width", 512)
                                        .put("height", 512)
                                        .put("is_animated", false)
                                        .put("is_video", false))));

        JsonNode reply = only(telegram.botMessages(TOKEN, citizen, 1));
        assertThat(reply.path("text").asText()).contains("sticker", HOTLINE);
    }

    @Test
    void startWelcomesWithTheHotlineAndLangEnSwitchesToEnglish() {
        long citizen = USERS.incrementAndGet();
        telegram.userSays(TOKEN, citizen, "/start");
        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("Xin chào", HOTLINE, "/human");

        telegram.userSays(TOKEN, citizen, "/lang en");
        only(telegram.botMessages(TOKEN, citizen, 1));
        telegram.userSays(TOKEN, citizen, "/help");

        assertThat(only(telegram.botMessages(TOKEN, citizen, 1)).path("text").asText())
                .contains("How to use me");
    }

    @Test
    void typingIsShownWhileTheAnswerIsWorkedOut() {
        long citizen = USERS.incrementAndGet();
        telegram.userSays(TOKEN, citizen, "dang ky khai sinh cho con");
        only(telegram.botMessages(TOKEN, citizen, 1));

        assertThat(telegram.calls("sendChatAction")).anySatisfy(call -> {
            assertThat(call.path("body").path("chat_id").asText()).isEqualTo(String.valueOf(citizen));
            assertThat(call.path("body").path("action").asText()).isEqualTo("typing");
        });
    }

    @Test
    void anEditedQuestionIsAnsweredAgain() {
        long citizen = USERS.incrementAndGet();
        telegram.userSays(TOKEN, citizen, "ho chieu");
        only(telegram.botMessages(TOKEN, citizen, 1));

        telegram.inject(
                TOKEN,
                JSON.createObjectNode()
                        .set(
                                "edited_message",
                                privateMessage(citizen, "ho chieu het han lam lai o dau")
                                        .put("message_id", 1)
                                        .put("edit_date", 1_790_000_060)));

        assertThat(buttons(only(telegram.botMessages(TOKEN, citizen, 1))))
                .first()
                .isEqualTo("fb:+:passport.issue.renew-abroad");
    }

    @Test
    void aCommandInAGroupGetsThePrivateChatNoticeAndGroupChatterIsNotStored() throws SQLException {
        long group = -100_000 - USERS.incrementAndGet();
        long member = USERS.incrementAndGet();
        telegram.inject(TOKEN, update(inGroup(group, member, "toi bi mat ho chieu, so ho chieu C1234567")));
        telegram.inject(TOKEN, update(inGroup(group, member, "/start")));

        JsonNode notice = only(telegram.botMessages(TOKEN, group, 1));
        assertThat(notice.path("text").asText()).contains("tin nhắn riêng", "private chat", HOTLINE);
        assertThat(count("SELECT COUNT(*) FROM conversations WHERE chat_id = ?", String.valueOf(group)))
                .isZero();
    }

    @Test
    void aReplyRefusedWith429IsSentOnceAfterTheRetryAfter() throws SQLException {
        long citizen = USERS.incrementAndGet();
        telegram.failNext("sendMessage", 429, 1, 1);
        telegram.userSays(TOKEN, citizen, "dang ky ket hon voi nguoi nuoc ngoai");

        JsonNode reply = only(telegram.botMessages(TOKEN, citizen, 1));
        assertThat(reply.path("text").asText()).isNotBlank();
        assertThat(telegram.moreBotMessages(TOKEN, citizen, Duration.ofSeconds(2)))
                .as("no second copy")
                .isEmpty();
        assertThat(count(
                        "SELECT COUNT(*) FROM outbox o JOIN conversations c ON c.id = o.conversation_id "
                                + "WHERE c.chat_id = ? AND o.sent_at IS NOT NULL AND o.attempts = 1",
                        String.valueOf(citizen)))
                .isEqualTo(1);
    }

    @Test
    void everyMessageOfABurstIsAnsweredOnceInOrder() {
        long citizen = USERS.incrementAndGet();
        List<String> questions = List.of("/help", "/lang en", "/help", "/lang vi", "/help");
        questions.forEach(q -> telegram.userSays(TOKEN, citizen, q));

        List<JsonNode> replies = telegram.botMessages(TOKEN, citizen, questions.size());
        assertThat(replies).hasSize(questions.size());
        assertThat(replies.get(0).path("text").asText()).contains("Cách dùng");
        assertThat(replies.get(2).path("text").asText()).contains("How to use me");
        assertThat(replies.get(4).path("text").asText()).contains("Cách dùng");
        assertThat(telegram.moreBotMessages(TOKEN, citizen, Duration.ofSeconds(1)))
                .isEmpty();
    }

    private static ObjectNode inGroup(long group, long member, String text) {
        return groupMessage(group, "Hội đồng hương", user(member), text);
    }

    static JsonNode only(List<JsonNode> messages) {
        assertThat(messages).as("the bot's messages").hasSize(1);
        return messages.get(0);
    }

    static List<String> buttons(JsonNode message) {
        List<String> data = new ArrayList<>();
        message.path("reply_markup")
                .path("inline_keyboard")
                .forEach(
                        row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
        return data;
    }

    private static long count(String sql, String chatId) throws SQLException {
        try (Connection connection = bot.assembly().database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, chatId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
