package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.Feedback;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chat} (and no command at all) as a citizen uses it: lines in, replies out, stored between runs. */
class ChatCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSPORT = "ho chieu het han lam lai o dau";
    private static final String PASSPORT_ENTRY = "passport.issue.renew-abroad";

    @TempDir
    Path tmp;

    private ChatDb db;
    private final Corpus corpus = TestCorpora.real();
    private final BotTexts texts = new BotTexts(corpus);

    @BeforeEach
    void database() {
        db = new ChatDb(tmp);
    }

    private CliRun chat(String input, String... args) {
        List<String> all = new ArrayList<>(List.of("chat"));
        all.addAll(List.of(args));
        CliRun run = CliRun.runWithInput(db.env(), input, all.toArray(String[]::new));
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run;
    }

    private FaqEntry entry(String id) {
        return corpus.entry(id).orElseThrow(() -> new AssertionError("no entry " + id));
    }

    @Test
    void firstContactGetsTheWelcomeWithTheHotlineAndEndsAtEndOfInput() {
        CliRun run = chat("");

        assertThat(run.out()).startsWith(texts.welcome(Language.VI));
        assertThat(run.out())
                .startsWith("Xin chào!")
                .contains(TestCorpora.HOTLINE)
                .contains("/human")
                .contains("/lang en");
        assertThat(db.conversation("local")).isPresent();
    }

    @Test
    void aPassportQuestionWithoutDiacriticsGetsTheRenewalAnswerWithItsSource() {
        FaqEntry renewal = entry(PASSPORT_ENTRY);

        CliRun run = chat(PASSPORT + "\n");

        String answer = run.out().substring(texts.welcome(Language.VI).length());
        assertThat(answer)
                .contains(corpus.answer(renewal, Language.VI))
                .contains("Nguồn: " + renewal.sources().get(0))
                .contains("[1] 👍 Hữu ích   [2] 👎 Chưa đúng");
        assertThat(answer.strip()).endsWith("[1] 👍 Hữu ích   [2] 👎 Chưa đúng");
    }

    @Test
    void anEmergencyPutsTheHotlineFirst() {
        chat("");

        CliRun run = chat("toi bi bat\n");

        String first = run.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("🆘").contains(TestCorpora.HOTLINE);
        assertThat(run.out()).doesNotContain("Xin chào");
    }

    @Test
    void theLastLineIsAnsweredEvenWithoutANewline() {
        chat("");

        assertThat(chat("toi bi bat").out()).startsWith("🆘").contains(TestCorpora.HOTLINE);
    }

    @Test
    void typingTheNumberOfThumbsUpThanksAndRecordsTheFeedback() {
        chat("");

        CliRun run = chat(PASSPORT + "\n1\n");

        assertThat(run.out())
                .endsWith(texts.thanks(Language.VI, true) + System.lineSeparator() + System.lineSeparator());
        List<Feedback> feedback = db.feedback(PASSPORT_ENTRY);
        assertThat(feedback)
                .singleElement()
                .satisfies(f -> assertThat(f.helpful()).isTrue());
    }

    @Test
    void typingTheNumberOfThumbsDownRecordsItAsNotHelpful() {
        chat("");

        CliRun run = chat(PASSPORT + "\n2\n");

        assertThat(run.out()).contains(texts.thanks(Language.VI, false)).contains("/human");
        assertThat(db.feedback(PASSPORT_ENTRY))
                .singleElement()
                .satisfies(f -> assertThat(f.helpful()).isFalse());
    }

    @Test
    void aDidYouMeanOptionIsChosenByTypingItsNumber() throws Exception {
        String vague = "giay to";
        JsonNode asked = JSON.readTree(
                CliRun.run("ask", "--json", vague, "--faq-dir", "faq").out());
        assertThat(asked.path("tier").asText())
                .as("'%s' must be a 'did you mean' for this test", vague)
                .isEqualTo("suggest");
        FaqEntry first = entry(asked.path("ranked").get(0).path("id").asText());
        FaqEntry second = entry(asked.path("ranked").get(1).path("id").asText());
        chat("");

        CliRun run = chat(vague + "\n2\n");

        assertThat(run.out())
                .startsWith(texts.didYouMean(Language.VI))
                .contains("1. " + first.title(Language.VI))
                .contains("2. " + second.title(Language.VI))
                .contains(corpus.answer(second, Language.VI))
                .doesNotContain(corpus.answer(first, Language.VI));
        // The choices are numbered in the text already: no second "[1] 1. ..." line under it.
        assertThat(run.out()).doesNotContain("[1] 1.");
        assertThat(db.conversation("local").orElseThrow().pendingChoices()).isEmpty();
    }

    @Test
    void aNumberOutsideTheChoicesAsksForOneInRange() throws Exception {
        chat("");

        CliRun run = chat("giay to\n7\n");

        assertThat(run.out()).contains(texts.choiceOutOfRange(Language.VI, 3));
    }

    @Test
    void theConversationIsRememberedAcrossRunsOnTheSameDatabase() {
        CliRun first = chat("/lang en\n");
        assertThat(first.out()).startsWith("Xin chào!").contains(texts.languageSet(Language.EN));

        CliRun second = chat(PASSPORT + "\n");

        FaqEntry renewal = entry(PASSPORT_ENTRY);
        assertThat(second.out())
                .doesNotContain("Xin chào")
                .doesNotContain("Hello!")
                .startsWith(corpus.answer(renewal, Language.EN))
                .contains("Source: " + renewal.sources().get(0))
                .contains("[1] 👍 Helpful   [2] 👎 Not helpful");
        assertThat(db.conversations()).isEqualTo(1);
    }

    @Test
    void aSecondRunWithNothingTypedSaysNothing() {
        chat("");

        assertThat(chat("").out()).isEmpty();
    }

    @Test
    void noCommandIsTheChat() {
        CliRun run = CliRun.runWithInput(db.env(), "toi bi bat\n");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith(texts.welcome(Language.VI));
        assertThat(run.out().substring(texts.welcome(Language.VI).length()).strip())
                .startsWith("🆘")
                .contains(TestCorpora.HOTLINE);
        assertThat(db.conversation("local")).isPresent();
    }

    @Test
    void eachAsNameIsItsOwnConversation() {
        CliRun alice = chat("/lang en\n", "--as", "alice");
        CliRun bob = chat(PASSPORT + "\n", "--as", "bob");

        assertThat(alice.out()).startsWith("Xin chào!");
        assertThat(bob.out()).startsWith("Xin chào!").contains("Nguồn: ").doesNotContain("Source: ");
        CliRun aliceAgain = chat(PASSPORT + "\n", "--as", "alice");
        assertThat(aliceAgain.out()).doesNotContain("Xin chào").contains("Source: ");
        assertThat(db.conversations()).isEqualTo(2);
        assertThat(db.conversation("alice").orElseThrow().preferredLanguage()).contains(Language.EN);
        assertThat(db.conversation("bob").orElseThrow().preferredLanguage()).isEmpty();
    }

    @Test
    void aNumberPressesOnlyTheButtonsOfTheLastReply() {
        chat("");

        // After the thanks there are no buttons: "1" is a message, not a second 👍.
        CliRun run = chat(PASSPORT + "\n1\n1\n");

        assertThat(db.feedback(PASSPORT_ENTRY)).hasSize(1);
        assertThat(run.out()).containsOnlyOnce(texts.thanks(Language.VI, true));
    }

    @Test
    void aMessageLeftUnansweredIsAnsweredToItsOwnCitizenOnly() {
        chat("", "--as", "alice");
        chat("", "--as", "bob");
        // alice's last run stopped between storing her message and answering it.
        db.read(store -> store.recordInbound(InboundMessage.text(
                ChatDb.console("alice"), "alice", "left-over", "toi bi bat", TestCorpora.CLOCK.instant())));

        CliRun bob = chat("", "--as", "bob");
        CliRun alice = chat("", "--as", "alice");

        assertThat(bob.out()).as("bob must not see alice's reply").doesNotContain(TestCorpora.HOTLINE);
        assertThat(alice.out()).startsWith("🆘").contains(TestCorpora.HOTLINE);
    }
}
