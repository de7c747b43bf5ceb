package org.consularbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import org.consularbot.config.BotConfig;
import org.consularbot.conversation.CitizenRateLimiter;
import org.consularbot.conversation.Dialogue;
import org.consularbot.conversation.Escalation;
import org.consularbot.conversation.HotlineFallback;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.InProcessLocks;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatchers;
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

    /** The turn processor sending through the given channels; no officers and no LLM yet. */
    TurnProcessor processor(Map<String, ReplySender> senders) {
        Dialogue dialogue = new Dialogue(corpus, FaqMatchers.vietnameseAware(corpus), new HotlineFallback(new BotTexts(corpus)),
                Escalation.NONE, new CitizenRateLimiter(config.rateLimitPerMinute(), clock), clock);
        return new TurnProcessor(store, store.outbox(), new InProcessLocks(), dialogue, senders, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
