package org.consularbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSetTest {

    @TempDir
    Path tmp;

    private Path tsv(String text) throws Exception {
        Path file = tmp.resolve("queries.tsv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsExpectedKindAndQuestionWithTheirLines() throws Exception {
        List<EvalQuery> queries = EvalSet.read(tsv("""
                expected\tkind\tquestion
                passport.issue\tvi\thộ chiếu hết hạn làm lại ở đâu
                NONE\tnone\tthời tiết hôm nay thế nào
                """));
        assertThat(queries)
                .containsExactly(
                        new EvalQuery("hộ chiếu hết hạn làm lại ở đâu", "passport.issue", "vi", 2),
                        new EvalQuery("thời tiết hôm nay thế nào", "NONE", "none", 3));
        assertThat(queries.get(0).expectsNone()).isFalse();
        assertThat(queries.get(1).expectsNone()).isTrue();
    }

    @Test
    void columnsMayComeInAnyOrderAndKindIsOptional() throws Exception {
        List<EvalQuery> queries = EvalSet.read(tsv("question\texpected\nmat ho chieu\tpassport.lost\n"));
        assertThat(queries).containsExactly(new EvalQuery("mat ho chieu", "passport.lost", "all", 2));
    }

    @Test
    void headerMayStartWithABomAndHaveSpacesAndExtraColumns() throws Exception {
        List<EvalQuery> queries =
                EvalSet.read(tsv("\uFEFFnote\t expected \tquestion\tkind\r\n" + "x\tfees \tle phi bao nhieu\ten\r\n"));
        assertThat(queries).containsExactly(new EvalQuery("le phi bao nhieu", "fees", "en", 2));
    }

    @Test
    void blankLinesAreSkippedButLinesStillCount() throws Exception {
        List<EvalQuery> queries = EvalSet.read(tsv("expected\tquestion\n\na\tq1\n   \nb\tq2\n"));
        assertThat(queries).extracting(EvalQuery::line).containsExactly(3, 5);
    }

    @Test
    void emptyKindCellMeansAll() throws Exception {
        List<EvalQuery> queries = EvalSet.read(tsv("expected\tquestion\tkind\na\tq\t\nb\tq2\n"));
        assertThat(queries).extracting(EvalQuery::kind).containsExactly("all", "all");
    }

    @Test
    void missingExpectedColumnIsAnErrorOnLineOne() throws Exception {
        Path file = tsv("kind\tquestion\nvi\thộ chiếu\n");
        assertThatThrownBy(() -> EvalSet.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + ":1:")
                .hasMessageContaining("'expected'")
                .hasMessageContaining("'question'");
    }

    @Test
    void missingQuestionColumnIsAnError() throws Exception {
        Path file = tsv("expected,question\na,b\n"); // commas, not tabs
        assertThatThrownBy(() -> EvalSet.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":1:");
    }

    @Test
    void rowWithTooFewColumnsNamesItsLine() throws Exception {
        Path file = tsv("expected\tkind\tquestion\na\tvi\tq1\n\nb\tvi\n");
        assertThatThrownBy(() -> EvalSet.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + ":4:")
                .hasMessageContaining("3 tab-separated columns");
    }

    @Test
    void emptyFileIsAnError() throws Exception {
        Path file = tsv("");
        assertThatThrownBy(() -> EvalSet.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void theDevSetReadsOneQueryPerLine() throws Exception {
        Path dev = Path.of("eval/dev.tsv");
        long lines = Files.readAllLines(dev).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .count();
        List<EvalQuery> queries = EvalSet.read(dev);
        assertThat(queries).hasSize((int) lines);
        assertThat(queries).allSatisfy(q -> {
            assertThat(q.question()).isNotBlank();
            assertThat(q.expected()).isNotBlank();
        });
        assertThat(queries).extracting(EvalQuery::kind).contains("urgent", "none", "vi", "en");
    }
}
