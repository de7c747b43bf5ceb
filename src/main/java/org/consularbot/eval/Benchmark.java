package org.consularbot.eval;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.consularbot.faq.FaqMatcher;

/**
 * Measures one matcher: how long it takes to be ready, and match latency percentiles and throughput on one
 * thread after a warm-up. A benchmark, not a test: figures depend on the machine.
 */
public final class Benchmark {

    /** Figures for one matcher. */
    public record Result(
            String matcher, long readyMillis, double p50Millis, double p99Millis, double queriesPerSecond) {}

    private Benchmark() {}

    public static Result run(Supplier<FaqMatcher> build, List<String> messages, int warmup, int measured) {
        long start = System.nanoTime();
        FaqMatcher matcher = build.get();
        long ready = (System.nanoTime() - start) / 1_000_000;
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += matcher.match(messages.get(i % messages.size())).ranked().size();
        }
        long[] nanos = new long[measured];
        long all = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            long t = System.nanoTime();
            sink += matcher.match(messages.get(i % messages.size())).ranked().size();
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - all) / 1e9;
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException(); // keeps the work observable to the JIT
        }
        Arrays.sort(nanos);
        return new Result(
                matcher.name(),
                ready,
                nanos[(int) (measured * 0.50)] / 1e6,
                nanos[Math.min(measured - 1, (int) Math.ceil(measured * 0.99) - 1)] / 1e6,
                measured / seconds);
    }
}
