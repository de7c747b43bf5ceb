package org.consularbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.consularbot.conversation.TurnObserver;
import org.consularbot.conversation.TurnOutcome;

/**
 * The service's metrics for Prometheus ({@code /metrics}): messages answered per channel and outcome (answer,
 * suggestion, fallback, emergency, rate-limited…), turn latency, replies delivered or failed per channel, LLM
 * calls and failures, and, read when scraped, open tickets, the oldest waiting ticket and the outbox backlog.
 */
public final class BotMetrics implements TurnObserver {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    public void turnAnswered(String channel, TurnOutcome outcome, long nanos) {
        // The kind alone: a tag per command or decline class would multiply the series for little.
        Counter.builder("consular_messages_answered")
                .description("citizens' messages answered, by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", outcome.kind().code())
                .register(registry)
                .increment();
        Timer.builder("consular_turn_seconds")
                .description("time to decide, store and send one turn")
                .tag("channel", channel)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void replyDelivered(String channel, boolean delivered) {
        Counter.builder("consular_replies")
                .description("replies handed to a channel, delivered or failed")
                .tag("channel", channel)
                .tag("result", delivered ? "delivered" : "failed")
                .register(registry)
                .increment();
    }

    /** A number read at each scrape (open tickets, outbox backlog…). */
    public void gauge(String name, String description, Supplier<Number> value) {
        // Micrometer holds a gauge's object weakly: the lambda here is referenced nowhere else and read NaN after a GC.
        Gauge.builder(name, value, v -> v.get().doubleValue())
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    /**
     * Monotonic counts kept elsewhere (the LLM fallback's), read at each scrape. The caller must keep {@code source}:
     * Micrometer holds it weakly.
     */
    public <T> void counters(String prefix, T source, Map<String, ToDoubleFunction<T>> counts) {
        counts.forEach((name, count) ->
                FunctionCounter.builder(prefix + name, source, count).register(registry));
    }

    public String scrape() {
        return registry.scrape();
    }
}
