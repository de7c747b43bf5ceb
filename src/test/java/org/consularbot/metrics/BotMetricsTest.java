package org.consularbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BotMetricsTest {

    @Test
    // Regression: gauges were registered on a weak reference to their lambda and read NaN after a garbage collection.
    void gaugesAndCountersStillReadTheirValuesAfterAGarbageCollection() {
        BotMetrics metrics = new BotMetrics();
        AtomicLong backlog = new AtomicLong(7);
        metrics.gauge("consular_test_backlog", "a value read at scrape", backlog::get);
        Object stats = new Object(); // the caller keeps its counters' source, as BotAssembly keeps LlmStats
        metrics.counters("consular_test_", stats, Map.of("calls_total", source -> 3.0));

        for (int i = 0; i < 5; i++) {
            System.gc(); // a full collection clears what only weak references hold
        }

        String scrape = metrics.scrape();
        assertThat(value(scrape, "consular_test_backlog")).isEqualTo(7.0);
        assertThat(value(scrape, "consular_test_calls_total")).isEqualTo(3.0);
        Reference.reachabilityFence(stats);
    }

    private static double value(String scrape, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(scrape);
        assertThat(line.find()).as(name + " in:\n" + scrape).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
