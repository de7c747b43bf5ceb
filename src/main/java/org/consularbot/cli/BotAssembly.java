package org.consularbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import org.consularbot.config.BotConfig;
import org.consularbot.conversation.CitizenRateLimiter;
import org.consularbot.conversation.Dialogue;
import org.consularbot.conversation.Escalation;
import org.consularbot.conversation.FallbackAnswerer;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.InProcessLocks;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.Language;
import org.consularbot.faq.PassageIndex;
import org.consularbot.config.LlmConfig;
import org.consularbot.llm.ChatModels;
import org.consularbot.llm.ExtractiveFallback;
import org.consularbot.llm.LlmFallback;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.JdbcConversationStore;

/**
 * Wires a running bot from its configuration: corpus, database, store, dialogue, turn processor. The one place
 * that knows which implementation goes behind each port; commands ask it for what they need.
 */
final class BotAssembly implements AutoCloseable {

    final BotConfig config;
    final Corpus corpus;
    final Database database;
    final JdbcConversationStore store;
    private final Clock clock;
    private FallbackAnswerer fallback;

    private BotAssembly(BotConfig config, Corpus corpus, Database database, Clock clock) {
        this.config = config;
        this.corpus = corpus;
        this.database = database;
        this.store = new JdbcConversationStore(database.dataSource(), clock);
        this.clock = clock;
    }

    /** Loads the corpus and opens the database; fails with a message naming what is wrong. */
    static BotAssembly open(BotConfig config, CorpusSource corpora, PrintWriter err, Clock clock) throws Exception {
        Corpus corpus = corpora.load(config.faqDir().orElse(null), err);
        return open(config, corpus, clock);
    }

    static BotAssembly open(BotConfig config, Corpus corpus, Clock clock) {
        Database database = Database.open(new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize()));
        return new BotAssembly(config, corpus, database, clock);
    }

    /**
     * What answers when no FAQ entry fits: with {@code LLM_PROVIDER=none} the official passages themselves
     * (extractive), else the LLM over them, guarded.
     */
    FallbackAnswerer fallback() {
        if (fallback == null) {
            BotTexts texts = new BotTexts(corpus);
            PassageIndex passages = new PassageIndex(corpus);
            fallback = config.llm().provider() == LlmConfig.Provider.NONE
                    ? new ExtractiveFallback(passages, texts)
                    : new LlmFallback(ChatModels.create(config.llm()), passages, texts, corpus.mission().fact("mission_name", Language.EN), clock);
        }
        return fallback;
    }

    /** The turn processor sending through the given channels; no officers yet. */
    TurnProcessor processor(Map<String, ReplySender> senders) {
        Dialogue dialogue = new Dialogue(corpus, FaqMatchers.vietnameseAware(corpus), fallback(),
                Escalation.NONE, new CitizenRateLimiter(config.rateLimitPerMinute(), clock), clock);
        return new TurnProcessor(store, store.outbox(), new InProcessLocks(), dialogue, senders, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
