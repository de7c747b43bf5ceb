package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --console} on a tiny load (2 officers, 4 citizens): it runs the real server, feed and pipeline, and
 * prints every figure. Structure only: the speed is the benchmark's to measure (docs/benchmarks.md), not a test's.
 */
class ConsoleBenchTest {

    @Test
    void aTinyLoadRunsAndPrintsTheDelayToEveryOfficerAndThePagesServeTimes() throws Exception {
        CliRun run = CliRun.run(
                Map.of(),
                "bench",
                "--console",
                "--officers",
                "2",
                "--per-minute",
                "120",
                "--seconds",
                "2",
                "--warmup",
                "1",
                "--json");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> lines = run.out().strip().lines().toList();
        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.get("officers").asInt()).isEqualTo(2);
        assertThat(figures.get("messages").asInt()).isEqualTo(4);
        assertThat(figures.get("tickets").asInt())
                .as("every citizen's request made a ticket")
                .isEqualTo(4);
        assertThat(figures.get("expected").asLong()).isEqualTo(8);
        assertThat(figures.get("seen").asLong())
                .as("each ticket reached both officers' queues")
                .isEqualTo(8);
        for (String field : List.of("p50_ms", "p99_ms", "max_ms")) {
            assertThat(figures.get(field).isNumber()).as(field).isTrue();
        }
        assertThat(figures.get("p50_ms").asDouble())
                .isLessThanOrEqualTo(figures.get("p99_ms").asDouble());
        for (String page : List.of("queue", "ticket", "supervisor")) {
            JsonNode served = figures.get("pages").get(page);
            assertThat(served).as(page).isNotNull();
            assertThat(served.get("requests").asLong()).as(page).isPositive();
            assertThat(served.get("p99_ms").isNumber()).as(page).isTrue();
        }
    }

    @Test
    void theTextFormNamesEachFigure() {
        CliRun run = CliRun.run(
                Map.of(),
                "bench",
                "--console",
                "--officers",
                "1",
                "--per-minute",
                "60",
                "--seconds",
                "1",
                "--warmup",
                "0");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("console: 1 officers, 60 citizen messages a minute for 1 s (1 messages, 1 tickets)")
                .containsPattern("message to every officer's queue: 1 of 1 seen +p50 \\d+ ms +p99 \\d+ ms +max \\d+ ms")
                .containsPattern("page queue +\\d+ requests +p50 [\\d.]+ ms +p99 [\\d.]+ ms")
                .contains("page ticket", "page supervisor");
    }
}
