package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What eval writes about a follow-up: the topics weighed and their signals, for eval/fit-follow-up.py to refit on. */
class EvalFollowUpLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aFollowUpsLineCarriesTheTopicsWeighedWithTheirSignalsAndOtherLinesNone() throws Exception {
        Path queries = tmp.resolve("followups.tsv");
        Files.writeString(queries, """
                expected\tkind\turgent\tsituation\tclass\tcountry\tprevious\tquestion
                fees\tfollowup\tno\t-\t-\tJapan\tHộ chiếu hết hạn thì làm lại ở đâu?\tcòn phí thì sao?
                passport.issue\tvi\tno\t-\t-\tJapan\t-\tHộ chiếu hết hạn thì làm lại ở đâu?
                """, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out.jsonl");

        CliRun run = CliRun.run("eval", "--queries", queries.toString(), "--corpus", "faq", "--out", out.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        JsonNode followUp = JSON.readTree(lines.get(0)).path("followUp");
        assertThat(followUp.isArray()).isTrue();
        assertThat(followUp.size()).isGreaterThan(1);
        for (JsonNode option : followUp) {
            assertThat(option.path("signals").size()).isEqualTo(19);
            assertThat(option.path("probability").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(followUp.get(0).path("topic").asText()).isEqualTo("fees");
        assertThat(JSON.readTree(lines.get(1)).has("followUp")).isFalse();
    }
}
