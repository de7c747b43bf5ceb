package org.consularbot.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.consularbot.ManualClock;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.OfficerTurns;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.TestCorpora;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handoff through the real assembly (H2), for the tests that live it as citizens and officers do: three officers
 * (Lan and Minh, Chi a supervisor), a clock the test moves, and what reached the citizens and the officers.
 */
abstract class AssembledHandoff {

    static final Instant MONDAY_10_TORONTO = Instant.parse("2026-11-30T15:00:00Z");

    @TempDir
    Path tmp;

    final ManualClock clock = new ManualClock(MONDAY_10_TORONTO);
    final List<OutboxEntry> toCitizens = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    BotAssembly bot;
    TurnProcessor processor;
    OfficerTurns officerTurns;
    OfficerDesk desk;

    @BeforeEach
    void start() throws Exception {
        open(Map.of());
    }

    void open(Map<String, String> extra) throws Exception {
        HashMap<String, String> env = new HashMap<>(Map.of(
                "DB_URL",
                "jdbc:h2:mem:handoff" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "RATE_LIMIT_PER_MINUTE",
                "0"));
        env.putAll(extra);
        bot = BotAssembly.open(BotConfig.from(Settings.load(env, tmp.resolve("none.env"))), TestCorpora.real(), clock);
        BotAssembly.Turns turns = bot.turns(Map.of("telegram", entry -> toCitizens.add(entry)));
        processor = turns.citizens();
        officerTurns = turns.officers();
        desk = bot.desk();
        bot.officers.add(new Officer("7", "Lan", Officer.Role.OFFICER), clock.instant());
        bot.officers.add(new Officer("8", "Minh", Officer.Role.OFFICER), clock.instant());
        bot.officers.add(new Officer("9", "Chi", Officer.Role.SUPERVISOR), clock.instant());
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    void citizen(String chat, String text) {
        processor.handle(InboundMessage.text(
                new ConversationKey("telegram", chat), chat, "m" + ids.incrementAndGet(), text, clock.instant()));
    }

    String lastToCitizen() {
        return toCitizens.get(toCitizens.size() - 1).reply().text();
    }

    ConversationState state(String chat) {
        return bot.store
                .find(new ConversationKey("telegram", chat))
                .orElseThrow()
                .state();
    }

    List<OfficerMessage> forOfficers() {
        List<OfficerMessage> messages = bot.officerOutbox.unsent(100);
        messages.forEach(m -> bot.officerOutbox.markSent(m.id(), "c" + m.id(), clock.instant()));
        return messages;
    }
}
