package org.consularbot.eval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.TurnProcessor;

/**
 * Measures full turns through the conversation core (lock, store, match, commit, send, mark sent) against a
 * real database: turns per second with several threads, latency percentiles per turn, and the heap in use
 * once the conversations are stored. A benchmark, not a test: figures depend on the machine and the disk.
 */
public final class TurnBenchmark {

    /** Figures for one run. */
    public record Result(
            int turns,
            int threads,
            long conversations,
            double turnsPerSecond,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            long heapUsedMb,
            long heapMaxMb) {}

    private TurnBenchmark() {}

    /**
     * Sends {@code turns} messages spread over {@code conversations} chats on channel {@code channel}, each
     * thread owning its own chats (as a channel's per-chat ordering would), after {@code warmup} untimed turns.
     */
    public static Result run(
            TurnProcessor processor,
            String channel,
            List<String> messages,
            int warmup,
            int turns,
            int conversations,
            int threads,
            Clock clock,
            LongSupplier storedConversations)
            throws Exception {
        if (conversations % threads != 0 || warmup % threads != 0) {
            throw new IllegalArgumentException("conversations and warm-up turns must be multiples of threads");
        }
        drive(processor, channel, "warm", messages, warmup, Math.min(conversations, warmup), threads, clock);
        long start = System.nanoTime();
        long[] nanos = drive(processor, channel, "c", messages, turns, conversations, threads, clock);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        long stored = storedConversations.getAsLong();
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        return new Result(
                turns,
                threads,
                stored,
                turns / seconds,
                nanos[(int) (turns * 0.50)] / 1e6,
                nanos[Math.min(turns - 1, (int) Math.ceil(turns * 0.99) - 1)] / 1e6,
                nanos[turns - 1] / 1e6,
                used,
                runtime.maxMemory() / (1024 * 1024));
    }

    private static long[] drive(
            TurnProcessor processor,
            String channel,
            String prefix,
            List<String> messages,
            int turns,
            int conversations,
            int threads,
            Clock clock)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    long[] own = new long[turns / threads + 1];
                    int n = 0;
                    for (int i = thread; i < turns; i += threads) {
                        // conversations is a multiple of threads, so each chat belongs to one thread and its
                        // messages stay in order, as on a channel.
                        int chat = i % conversations;
                        InboundMessage message = InboundMessage.text(
                                new ConversationKey(channel, prefix + chat),
                                null,
                                prefix + "-" + i,
                                messages.get(i % messages.size()),
                                clock.instant());
                        long begin = System.nanoTime();
                        processor.handle(message);
                        own[n++] = System.nanoTime() - begin;
                    }
                    return Arrays.copyOf(own, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> part : parts) {
                all.add(part.get());
            }
            return all.stream().flatMapToLong(Arrays::stream).toArray();
        } finally {
            pool.shutdown();
        }
    }
}
