package org.consularbot.channel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.CitizenRateLimiter;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.DeliveryException;
import org.consularbot.conversation.Dialogue;
import org.consularbot.conversation.Escalation;
import org.consularbot.conversation.HotlineFallback;
import org.consularbot.conversation.InProcessLocks;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyDelivery;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.TestCorpora;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.JdbcConversationStore;
import org.junit.jupiter.api.Test;

/** The terminal as a channel: how replies look, and what a typed line becomes. */
class ConsoleChannelTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String NL = System.lineSeparator();
    private static final Button YES = new Button("👍 Helpful", "fb:+:passport.issue.renew-abroad");
    private static final Button NO = new Button("👎 Not helpful", "fb:-:passport.issue.renew-abroad");

    private final StringWriter printed = new StringWriter();
    private final ConsoleChannel console = new ConsoleChannel(new PrintWriter(printed), TestCorpora.CLOCK, "alice");

    private OutboxEntry entry(Reply reply) {
        return new OutboxEntry(1, 1, console.conversation(), reply, TestCorpora.CLOCK.instant(), 0);
    }

    private void send(Reply reply) throws DeliveryException {
        console.send(entry(reply));
    }

    private static Reply answer(String text) {
        return new Reply(
                ReplyKind.ANSWER, text, List.of(), List.of(YES, NO), Optional.of("passport.issue.renew-abroad"));
    }

    private static Reply didYouMean() {
        return new Reply(
                ReplyKind.SUGGESTION,
                "Did you mean:\n1. Renew a passport\n2. Lost passport\nNone of these?",
                List.of(
                        new Button("1. Renew a passport", "faq:passport.issue.renew-abroad"),
                        new Button("2. Lost passport", "faq:passport.lost.first-steps")),
                List.of(),
                Optional.empty());
    }

    @Test
    void theConversationIsTheConsoleChatOfTheCitizen() {
        assertThat(console.conversation()).isEqualTo(new ConversationKey("console", "alice"));
        assertThat(ConsoleChannel.NAME).isEqualTo("console");
    }

    @Test
    void aPlainReplyIsItsTextAndABlankLine() throws Exception {
        send(Reply.text(ReplyKind.HELP, "line one\nline two"));

        assertThat(printed.toString()).isEqualTo("line one\nline two" + NL + NL);
    }

    @Test
    void buttonsBecomeNumberedOptionsOnOneLine() throws Exception {
        send(answer("The answer."));

        assertThat(printed.toString()).isEqualTo("The answer." + NL + "[1] 👍 Helpful   [2] 👎 Not helpful" + NL + NL);
    }

    @Test
    void choicesAlreadyNumberedInTheTextAreNotRepeated() throws Exception {
        send(didYouMean());

        assertThat(printed.toString()).isEqualTo(didYouMean().text() + NL + NL);
        assertThat(printed.toString()).doesNotContain("[1]").containsOnlyOnce("1. Renew a passport");
    }

    @Test
    void feedbackAfterChoicesKeepsCountingFromTheChoices() throws Exception {
        Reply both = new Reply(
                ReplyKind.ANSWER,
                "Answer.\n1. Renew a passport",
                List.of(didYouMean().choices().get(0)),
                List.of(YES, NO),
                Optional.empty());

        send(both);

        assertThat(printed.toString())
                .contains("[2] 👍 Helpful   [3] 👎 Not helpful")
                .doesNotContain("[1]");
        assertThat(console.toMessage("3").text()).isEqualTo(NO.payload());
        assertThat(console.toMessage("1").text()).isEqualTo("faq:passport.issue.renew-abroad");
    }

    @Test
    void typingTheNumberOfAButtonPressesIt() throws Exception {
        send(answer("The answer."));

        InboundMessage pressed = console.toMessage("2");

        assertThat(pressed.kind()).isEqualTo(ContentKind.BUTTON);
        assertThat(pressed.text()).isEqualTo(NO.payload());
        assertThat(pressed.conversation()).isEqualTo(console.conversation());
        assertThat(pressed.userId()).isEqualTo("alice");
        assertThat(pressed.receivedAt()).isEqualTo(TestCorpora.CLOCK.instant());
        assertThat(console.toMessage(" 1 ").text()).isEqualTo(YES.payload());
    }

    @Test
    void aDidYouMeanChoiceIsPressedByItsNumber() throws Exception {
        send(didYouMean());

        assertThat(console.toMessage("2")).satisfies(m -> {
            assertThat(m.kind()).isEqualTo(ContentKind.BUTTON);
            assertThat(m.text()).isEqualTo("faq:passport.lost.first-steps");
        });
    }

    @Test
    void otherLinesAreTextMessagesAsTyped() throws Exception {
        send(answer("The answer."));

        for (String line : List.of("ho chieu het han", "3", "0", "12", "1 2", "1.", "", "  hộ chiếu  ")) {
            InboundMessage message = console.toMessage(line);
            assertThat(message.kind()).as(line).isEqualTo(ContentKind.TEXT);
            assertThat(message.text()).as(line).isEqualTo(line);
            assertThat(message.conversation()).isEqualTo(console.conversation());
        }
    }

    @Test
    void aNumberBeforeAnyButtonIsText() {
        assertThat(console.toMessage("1").kind()).isEqualTo(ContentKind.TEXT);
    }

    @Test
    void aReplyWithoutButtonsRetiresTheEarlierOnes() throws Exception {
        send(answer("The answer."));
        send(Reply.text(ReplyKind.FEEDBACK_THANKS, "Thank you!"));

        assertThat(console.toMessage("1").kind()).isEqualTo(ContentKind.TEXT);
    }

    @Test
    void everyMessageHasItsOwnId() throws Exception {
        send(answer("The answer."));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(console.toMessage(i % 2 == 0 ? "1" : "same text").channelMessageId());
        }

        assertThat(ids).hasSize(200).doesNotContainNull();
    }

    @Test
    void aReplyForAnotherCitizenIsRefusedAndNotPrinted() {
        OutboxEntry forBob = new OutboxEntry(
                2, 2, new ConversationKey("console", "bob"), answer("Bob's answer."), TestCorpora.CLOCK.instant(), 0);

        assertThatThrownBy(() -> console.send(forBob))
                .isInstanceOf(DeliveryException.class)
                .satisfies(e -> assertThat(((DeliveryException) e).permanent()).isFalse());
        assertThat(printed.toString()).isEmpty();
    }

    /** A turn processor on a fresh in-memory database, answering through {@code console}. */
    private record Bot(Database database, JdbcConversationStore store, TurnProcessor processor) {}

    private Bot bot() {
        Database database = Database.open(
                DatabaseSettings.of("jdbc:h2:mem:console" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1"));
        Corpus corpus = TestCorpora.real();
        JdbcConversationStore store = new JdbcConversationStore(database.dataSource(), TestCorpora.CLOCK);
        Dialogue dialogue = new Dialogue(
                corpus,
                FaqMatchers.vietnameseAware(corpus),
                new HotlineFallback(new BotTexts(corpus)),
                Escalation.NONE,
                new CitizenRateLimiter(0, TestCorpora.CLOCK),
                TestCorpora.CLOCK);
        ReplyDelivery delivery = new ReplyDelivery(
                store.outbox(), store, new InProcessLocks(), Map.of(ConsoleChannel.NAME, console), TestCorpora.CLOCK);
        TurnProcessor processor = new TurnProcessor(store, new InProcessLocks(), dialogue, delivery);
        return new Bot(database, store, processor);
    }

    @Test
    void talkAnswersEachLineUntilEndOfInputAndNumbersPressButtons() throws Exception {
        Bot bot = bot();
        StringWriter err = new StringWriter();
        try (Database ignored = bot.database()) {
            console.talk(
                    new BufferedReader(new StringReader("ho chieu het han lam lai o dau\n1\ntoi bi bat")),
                    bot.processor(),
                    new PrintWriter(err));

            assertThat(printed.toString())
                    .contains("[1] 👍 Hữu ích   [2] 👎 Chưa đúng")
                    .contains("Cảm ơn bạn đã phản hồi!")
                    .contains(TestCorpora.HOTLINE);
            assertThat(bot.store().feedback("passport.issue.renew-abroad"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.helpful()).isTrue());
            assertThat(bot.store().find(console.conversation())).isPresent();
            assertThat(err.toString()).isEmpty();
        }
    }

    @Test
    void whenTheDatabaseGoesAwayEachLineIsReportedAndTheChatGoesOn() throws Exception {
        Bot bot = bot();
        bot.database().close();
        StringWriter err = new StringWriter();

        console.talk(
                new BufferedReader(new StringReader("toi bi bat\nho chieu\n")), bot.processor(), new PrintWriter(err));

        assertThat(err.toString().lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line)
                        .startsWith("error: the message was not stored (")
                        .endsWith("please send it again"));
        assertThat(printed.toString()).isEmpty();
    }

    @Test
    void whenTheDatabaseGoesAwayTheHotlineIsStillGiven() throws Exception {
        ConsoleChannel withHotline =
                new ConsoleChannel(new PrintWriter(printed), TestCorpora.CLOCK, "alice", TestCorpora.HOTLINE);
        Bot bot = bot();
        bot.database().close();
        StringWriter err = new StringWriter();

        withHotline.talk(new BufferedReader(new StringReader("toi bi bat\n")), bot.processor(), new PrintWriter(err));

        assertThat(err.toString())
                .startsWith("error: the message was not stored (")
                .contains(TestCorpora.HOTLINE);
    }
}
