package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.CorpusProblem;
import org.consularbot.faq.Language;
import org.consularbot.faq.TestCorpora;
import org.consularbot.llm.StubLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff edit FAQ_DIR while the bot runs: a valid edit is served at the next look, an invalid one refused; the
 * metrics go on counting what the new corpus's fallback does.
 */
class CorpusReloadTest {

    private static final String PETS = """
            entries:
              - id: travel-document.pets
                topic: travel-document
                questions:
                  vi: [Mang chó mèo về Việt Nam cần giấy tờ gì, Đưa thú cưng về nước thủ tục thế nào, Chó của tôi có được bay về Việt Nam không]
                  en: [What papers do I need to bring my dog to Viet Nam, How do I take my pet home to Viet Nam, Can my cat fly to Viet Nam with me]
                answer:
                  vi: Hỏi hãng bay và cơ quan thú y; xem {{mission_website}}.
                  en: Ask your airline and the veterinary authority; see {{mission_website}}.
                sources: [https://example.gov.vn/pets]
                reviewed: 2026-11-24
            """;

    @TempDir
    Path tmp;

    /** A bot on a fresh in-memory database serving the corpus folder {@code faq}, with {@code more} settings. */
    private Settings settings(Path faq, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("DB_URL", "jdbc:h2:mem:reload" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        environment.put("FAQ_DIR", faq.toString());
        environment.put("RATE_LIMIT_PER_MINUTE", "0");
        return Settings.load(TestCorpora.withModelCache(environment), tmp.resolve("none.env"));
    }

    private static BotAssembly open(Settings settings) throws Exception {
        return BotAssembly.open(
                BotConfig.from(settings),
                new CorpusSource(settings, TestCorpora.CLOCK),
                new PrintWriter(new StringWriter()),
                TestCorpora.CLOCK);
    }

    @Test
    void aValidEditIsServedAndABrokenOneRefusedWhileTheLastGoodCorpusServes() throws Exception {
        Path faq = TestCorpora.copyOfReal(tmp.resolve("faq"));
        Settings settings = settings(faq, Map.of());
        List<OutboxEntry> sent = new CopyOnWriteArrayList<>();
        AtomicLong ids = new AtomicLong();
        try (BotAssembly bot = open(settings)) {
            TurnProcessor processor = bot.turns(Map.of("test", sent::add)).citizens();
            CorpusWatcher watcher = bot.corpusWatcher().orElseThrow();
            Runnable ask = () -> processor.handle(InboundMessage.text(
                    new ConversationKey("test", "c" + ids.incrementAndGet()),
                    "u",
                    "m",
                    "mang cho meo ve viet nam can giay to gi",
                    TestCorpora.CLOCK.instant()));

            ask.run();
            assertThat(sent.get(sent.size() - 1).reply().entryId()).isEmpty();
            assertThat(watcher.check()).as("nothing changed").isEmpty();

            Files.writeString(faq.resolve("entries/travel-document.pets.yaml"), PETS);
            assertThat(watcher.check()).isEmpty();
            ask.run();
            assertThat(sent.get(sent.size() - 1).reply().entryId()).contains("travel-document.pets");

            Files.writeString(
                    faq.resolve("entries/travel-document.pets.yaml"),
                    PETS.replace("topic: travel-document", "topic: pets"));
            List<CorpusProblem> problems = watcher.check();
            assertThat(problems)
                    .anySatisfy(p -> assertThat(p.toString()).contains("travel-document.pets.yaml:3", "unknown topic"));
            ask.run();
            assertThat(sent.get(sent.size() - 1).reply().entryId())
                    .as("the last good corpus still serves")
                    .contains("travel-document.pets");
        }
    }

    @Test
    // Regression: reload refreshed only the dialogues; officer-turn texts and the group notice kept the old hotline.
    void aNewHotlineInMissionYamlReachesCitizensOfficerTurnTextsAndTheGroupNotice() throws Exception {
        Path faq = TestCorpora.copyOfReal(tmp.resolve("faq"));
        String edited = "+84 000 000 001"; // not a real line: a test value only
        Settings settings = settings(faq, Map.of());
        try (BotAssembly bot = open(settings)) {
            List<OutboxEntry> sent = new CopyOnWriteArrayList<>();
            TurnProcessor citizens = bot.turns(Map.of("test", sent::add)).citizens(); // wired before the edit
            CorpusWatcher watcher = bot.corpusWatcher().orElseThrow();
            Path mission = faq.resolve("mission.yaml");
            Files.writeString(
                    mission,
                    Files.readString(mission).replace("hotline: \"+84 981 84 84 84\"", "hotline: \"" + edited + "\""));

            assertThat(watcher.check()).isEmpty();

            assertThat(bot.officerTexts.holderSilent(Language.VI))
                    .contains(edited)
                    .doesNotContain("981 84 84 84");
            assertThat(bot.officerTexts.notForgotten(Language.EN)).contains(edited);
            assertThat(RunningBot.groupNotice(bot.serving().hotline())).contains(edited);
            citizens.handle(InboundMessage.text(
                    new ConversationKey("test", "c1"), "u", "m1", "toi bi bat, cuu toi", TestCorpora.CLOCK.instant()));
            assertThat(sent)
                    .isNotEmpty()
                    .allSatisfy(reply -> assertThat(reply.reply().text()).doesNotContain("+84 981 84 84 84"));
            assertThat(sent.get(0).reply().text()).contains(edited);
        }
    }

    @Test
    void afterAReloadTheLlmCountersInMetricsStillMove() throws Exception {
        Path faq = TestCorpora.withoutVisaEntries(tmp.resolve("faq")); // the bulletins the LLM answers from
        try (StubLlmServer llm = new StubLlmServer()) {
            Settings settings = settings(
                    faq,
                    Map.of(
                            "LLM_PROVIDER",
                            "openai",
                            "LLM_BASE_URL",
                            llm.openAiBaseUrl(),
                            "LLM_MODEL",
                            "stub-model",
                            "LLM_API_KEY",
                            "sk-test"));
            AtomicLong ids = new AtomicLong();
            try (BotAssembly bot = open(settings)) {
                TurnProcessor processor = bot.turns(Map.of("test", entry -> {})).citizens();
                CorpusWatcher watcher = bot.corpusWatcher().orElseThrow();
                Runnable ask = () -> processor.handle(InboundMessage.text(
                        new ConversationKey("test", "c" + ids.incrementAndGet()),
                        "u",
                        "m",
                        FallbackChatTest.PORTALS,
                        TestCorpora.CLOCK.instant()));

                ask.run();
                assertThat(llmCalls(bot.metrics().scrape())).isEqualTo(1.0);

                Files.writeString(faq.resolve("entries/travel-document.pets.yaml"), PETS);
                assertThat(watcher.check()).isEmpty();
                ask.run(); // the new fallback's cache is empty: the model is asked again

                assertThat(llm.requests).hasSize(2);
                assertThat(llmCalls(bot.metrics().scrape()))
                        .as("counted from the fallback now serving")
                        .isEqualTo(2.0);
            }
        }
    }

    private static double llmCalls(String scrape) {
        Matcher line = Pattern.compile("(?m)^consular_fallback_llm_calls_total (\\S+)$")
                .matcher(scrape);
        assertThat(line.find())
                .as("the LLM calls counter is in /metrics:\n" + scrape)
                .isTrue();
        return Double.parseDouble(line.group(1));
    }
}
