package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.TestCorpora;
import org.consularbot.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the bot on one real PostgreSQL (two assemblies, two pools, two lock sets), receiving one
 * citizen's messages at the same time, half each: every message is answered exactly once, none fails on a
 * conflicting turn, because the conversation lock holds across instances.
 */
class TwoInstancesTest {

    @TempDir
    Path tmp;

    @Test
    void oneCitizensMessagesSplitOverTwoInstancesAreEachAnsweredOnce() throws Exception {
        Settings settings = Settings.load(
                Map.of("DB_URL", TestDatabases.postgresUrl(), "RATE_LIMIT_PER_MINUTE", "0"), tmp.resolve("none.env"));
        List<OutboxEntry> sent = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ReplySender slow = entry -> {
            // A turn of this conversation sends while it holds the lock: two at once would mean the lock failed.
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            sent.add(entry);
        };
        try (BotAssembly first = BotAssembly.open(BotConfig.from(settings), TestCorpora.real(), TestCorpora.CLOCK);
                BotAssembly second =
                        BotAssembly.open(BotConfig.from(settings), TestCorpora.real(), TestCorpora.CLOCK)) {
            TurnProcessor a = first.turns(Map.of("telegram", slow)).citizens();
            TurnProcessor b = second.turns(Map.of("telegram", slow)).citizens();
            ConversationKey chat = new ConversationKey("telegram", "77");
            int messages = 24;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> turns = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                TurnProcessor instance = i % 2 == 0 ? a : b;
                String id = "m" + i;
                turns.add(pool.submit(() -> {
                    start.await();
                    return instance.handle(InboundMessage.text(chat, "77", id, "/help", TestCorpora.CLOCK.instant()));
                }));
            }
            start.countDown();
            for (Future<?> turn : turns) {
                turn.get();
            }
            pool.shutdown();

            assertThat(sent).hasSize(messages);
            assertThat(mostAtOnce)
                    .as("turns of one conversation never overlap, across instances too")
                    .hasValue(1);
            assertThat(first.store.find(chat).orElseThrow().version()).isEqualTo(messages);
        }
    }
}
