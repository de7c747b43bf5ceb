package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consularbot.eval.EvalQuery;
import org.consularbot.eval.EvalSet;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ask, eval and bench as a user runs them. The corpus tools (faq ...): FaqCommandTest. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void askJsonGivesTierAndTopic() throws Exception {
        CliRun run = CliRun.run("ask", "--json", "ho chieu het han lam lai o dau", "--faq-dir", "faq");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("tier").asText()).isIn("answer", "suggest");
        assertThat(json.path("topic").asText()).isEqualTo("passport.issue");
        assertThat(json.path("language").asText()).isEqualTo("vi");
        assertThat(json.path("id").asText()).startsWith("passport.issue.");
        assertThat(json.path("ranked").isArray()).isTrue();
        assertThat(json.path("ranked").get(0).path("id").asText())
                .isEqualTo(json.path("id").asText());
        assertThat(json.has("emergency")).isFalse();
    }

    @Test
    void askAnEmergencyGivesTheHotlineFirst() {
        CliRun run = CliRun.run("ask", "e bi cong an bat cuu e", "--faq-dir", "faq");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("KHẨN CẤP").contains(TestCorpora.HOTLINE);
    }

    /** Regression: ask showed the host country's 911 and mission for an emergency the message placed elsewhere. */
    @Test
    void askGivesTheFirstStepsOfTheCountryTheMessageNames() {
        CliRun run = CliRun.run("ask", "em bị tai nạn ở Trung Quốc, đang chảy máu nhiều", "--faq-dir", "faq");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("cấp cứu 120")
                .contains("Trung Quốc")
                .doesNotContain("911")
                .doesNotContain("Canada");
    }

    @Test
    void askAnEmergencyAsJson() throws Exception {
        CliRun run = CliRun.run("ask", "--json", "my wife is in hospital", "--faq-dir", "faq");
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("tier").asText()).isEqualTo("emergency");
        assertThat(json.path("emergency").asText()).isEqualTo("medical");
        assertThat(json.path("topic").asText()).isEqualTo("emergency.medical");
        assertThat(json.path("answer").asText()).contains(TestCorpora.HOTLINE);
    }

    @Test
    void askSomethingOutOfScopeFallsBackWithTheHotline() throws Exception {
        CliRun run = CliRun.run("ask", "--json", "xqzv blorf", "--faq-dir", "faq");
        assertThat(run.exit()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("tier").asText()).isEqualTo("fallback");
        assertThat(json.has("answer")).isFalse();
        assertThat(CliRun.run("ask", "xqzv blorf", "--faq-dir", "faq").out()).contains(TestCorpora.HOTLINE);
    }

    @Test
    void askShowsSmallTalkAndDeclinesWithTheirClassAndReply() throws Exception {
        JsonNode thumb = JSON.readTree(
                CliRun.run("ask", "--json", "🙏🙏🙏", "--faq-dir", "faq").out());
        assertThat(thumb.path("tier").asText()).isEqualTo("chitchat");
        assertThat(thumb.path("reason").asText()).isEqualTo("ack");
        JsonNode loan = JSON.readTree(CliRun.run("ask", "--json", "cho em vay tiền gấp được không", "--faq-dir", "faq")
                .out());
        assertThat(loan.path("tier").asText()).isEqualTo("decline");
        assertThat(loan.path("reason").asText()).isEqualTo("loan-job");
        assertThat(loan.path("answer").asText()).contains("không cho vay");
    }

    @Test
    void askShowsTheEmergencySituationAndWhetherTheTriageIsSure() throws Exception {
        JsonNode json = JSON.readTree(
                CliRun.run("ask", "--json", "em muốn tự tử", "--faq-dir", "faq").out());
        assertThat(json.path("tier").asText()).isEqualTo("emergency");
        assertThat(json.path("situation").asText()).isEqualTo("suicide");
        assertThat(json.path("sure").asBoolean()).isTrue();
        assertThat(json.path("id").asText()).isEqualTo("emergency.medical.suicide-crisis");
    }

    @Test
    void evalReadsUrgencySituationClassAndPreviousAndReportsThemForBothMatchersInOneRun() throws Exception {
        Path set = tmp.resolve("set.tsv");
        Files.writeString(
                set,
                String.join(
                        "\n",
                        "expected\tkind\turgent\tsituation\tclass\tcountry\tprevious\tquestion",
                        "emergency.arrest\turgent\tyes\tarrest\t-\tJapan\t-\tchồng em vừa bị công an bắt",
                        "passport.issue\ttrap\tno\t-\t-\t-\t-\tnếu bị bắt thì hộ chiếu có bị thu không",
                        "chitchat\tchitchat\tno\t-\tthanks\t-\t-\tcảm ơn nhiều nhé",
                        "decline\tdecline\tno\t-\tloan-job\t-\t-\tcho em vay tiền gấp được không",
                        "passport.issue\tfollowup\tno\t-\t-\t-\tHộ chiếu hết hạn thì làm lại ở đâu?\tcòn phí thì sao?"),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("set.jsonl");
        CliRun run = CliRun.run(
                "eval",
                "--queries",
                set.toString(),
                "--corpus",
                "faq",
                "--matcher",
                "default,bm25",
                "--out",
                out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("default matcher on", "bm25 matcher on", "urgent messages per situation");
        assertThat(run.out()
                        .lines()
                        .filter(l -> l.trim().startsWith("arrest"))
                        .findFirst()
                        .orElseThrow())
                .contains("recall 1.000");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).path("tier").asText()).isEqualTo("emergency");
        assertThat(lines.get(0).path("situation").asText()).isEqualTo("arrest");
        assertThat(lines.get(2).path("tier").asText()).isEqualTo("chitchat");
        assertThat(lines.get(2).path("reason").asText()).isEqualTo("thanks");
        assertThat(lines.get(3).path("tier").asText()).isEqualTo("decline");
        assertThat(lines.get(3).path("reason").asText()).isEqualTo("loan-job");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.run("ask", "--bogus", "x");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'").contains("Usage: consular-bot ask");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void askUsesFaqDirFromTheSettings(@TempDir Path broken) {
        TestCorpora.withEntries(broken, "x.yaml", "entries:\n  - id: x\n");
        CliRun run = CliRun.run(Map.of("FAQ_DIR", broken.toString()), "ask", "hộ chiếu");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("the FAQ corpus is invalid");
        assertThat(CliRun.run(Map.of("FAQ_DIR", "faq"), "ask", "--json", "mat ho chieu")
                        .exit())
                .isZero();
    }

    @Test
    void askWithoutAFolderUsesTheBundledCorpus() throws Exception {
        assumeTrue(getClass().getClassLoader().getResource("faq/topics.tsv") != null, "no bundled corpus");
        CliRun run = CliRun.run("ask", "--json", "ho chieu het han lam lai o dau");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(JSON.readTree(run.out()).path("topic").asText()).isEqualTo("passport.issue");
    }

    @Test
    void evalPrintsThePerKindTableAndWritesOneJsonLinePerQuestionInOrder() throws Exception {
        Path out = tmp.resolve("outcomes.jsonl");
        CliRun run = CliRun.run("eval", "--queries", "eval/dev.tsv", "--corpus", "faq", "--out", out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();

        List<EvalQuery> queries = EvalSet.read(Path.of("eval/dev.tsv"));
        List<String> table = run.out().lines().toList();
        assertThat(table.get(0)).startsWith("default matcher on eval/dev.tsv (" + queries.size() + " messages");
        assertThat(table.get(1))
                .contains(
                        "kind",
                        "n",
                        "shown",
                        "ans.prec",
                        "ans.rate",
                        "no.faq",
                        "chit",
                        "decl",
                        "urgent",
                        "f.emerg",
                        "sit.ok",
                        "mrr");
        List<String> kinds = table.subList(2, table.size()).stream()
                .map(l -> l.trim().split("\\s+")[0])
                .toList();
        assertThat(kinds).contains("vi", "vi-nd", "en", "urgent", "none").last().isEqualTo("ALL");
        assertThat(table.get(table.size() - 1).trim().split("\\s+")[1]).isEqualTo(String.valueOf(queries.size()));

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(queries.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = JSON.readTree(lines.get(i));
            assertThat(node.path("question").asText()).isEqualTo(queries.get(i).question());
            assertThat(node.path("expected").asText()).isEqualTo(queries.get(i).expected());
            for (String field : List.of("tier", "topic", "id", "score", "ranked")) {
                assertThat(node.has(field)).as(field + " on line " + (i + 1)).isTrue();
            }
            assertThat(node.path("tier").asText())
                    .isIn("emergency", "answer", "suggest", "fallback", "chitchat", "decline");
            assertThat(node.path("ranked").isArray()).isTrue();
            if (node.path("ranked").size() > 0) {
                assertThat(node.path("id").asText())
                        .isEqualTo(node.path("ranked").get(0).path("id").asText());
            } else {
                assertThat(node.path("id").isNull()).isTrue();
            }
            if (node.path("tier").asText().equals("answer")) {
                // What the answer gate read is kept for refitting it (eval/fit-answer-gate.py).
                assertThat(node.path("certainty").asDouble())
                        .as("line " + (i + 1))
                        .isBetween(0.93, 1.0);
                assertThat(node.path("gate").size()).isEqualTo(15);
            }
        }
    }

    @Test
    void evalCrossValidatesOnTheCorpusExamples() throws Exception {
        Path corpus = TestCorpora.copyOfReal(tmp.resolve("faq"));
        TestCorpora.write(corpus.resolve("examples/few.tsv"), """
                expected\tkind\turgent\tsituation\tclass\tcountry\tprevious\tquestion
                emergency.arrest\turgent\tyes\tarrest\t-\tJapan\t-\tchồng em bị cảnh sát bắt tối qua, giờ em phải làm sao
                emergency.arrest\turgent\tyes\tarrest\t-\tKorea\t-\tanh trai em bị công an bắt rồi cứu em với
                chitchat\tchitchat\tno\t-\tthanks\t-\t-\tcảm ơn anh chị nhiều ạ
                chitchat\tchitchat\tno\t-\tthanks\t-\t-\tthank you so much
                passport.issue\tvi\tno\t-\t-\tJapan\t-\thộ chiếu em sắp hết hạn, làm lại ở đâu ạ
                passport.issue\ten\tno\t-\t-\tUSA\t-\tmy passport expires soon, where do I renew it
                """);
        CliRun run = CliRun.run("eval", "--cross-validate", "2", "--corpus", corpus.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> table = run.out().lines().toList();
        assertThat(table.get(0))
                .startsWith("default matcher, 2-fold cross-validation on")
                .contains("(6 messages");
        assertThat(table)
                .anySatisfy(line -> assertThat(line.trim()).startsWith("ALL").contains(" 6 "));
        assertThat(run.err()).contains("fold 1/2 (3 held out, trained on 3 examples)", "fold 2/2");

        CliRun noExamples = CliRun.run(
                "eval",
                "--cross-validate",
                "--corpus",
                TestCorpora.copyOfReal(tmp.resolve("bare")).toString());
        assertThat(noExamples.exit()).isEqualTo(2);
        assertThat(noExamples.err()).contains("has no examples/ folder");
        CliRun tooMany = CliRun.run("eval", "--cross-validate", "7", "--corpus", corpus.toString());
        assertThat(tooMany.exit()).isEqualTo(2);
        assertThat(tooMany.err()).contains("2 to 6 folds");
        CliRun both =
                CliRun.run("eval", "--cross-validate", "--queries", "eval/dev.tsv", "--corpus", corpus.toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("give one of --queries, --passages or --cross-validate");
    }

    @Test
    void evalWithTheBm25Baseline() {
        CliRun run = CliRun.run("eval", "--queries", "eval/dev.tsv", "--corpus", "faq", "--matcher", "bm25");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("bm25 matcher on");
    }

    @Test
    void evalWithAnUnknownMatcherFails() {
        CliRun run = CliRun.run("eval", "--queries", "eval/dev.tsv", "--corpus", "faq", "--matcher", "nope");
        assertThat(run.exit()).isIn(1, 2);
        assertThat(run.err()).contains("--matcher must be one of default, bm25");
        assertThat(run.out()).isEmpty();
        CliRun withoutQueries = CliRun.run("eval", "--matcher", "nope");
        assertThat(withoutQueries.exit()).isEqualTo(2);
        assertThat(withoutQueries.err()).contains("--queries");
    }

    @Test
    void evalWithABrokenQueriesFileFailsWithItsLine() throws Exception {
        Path queries = tmp.resolve("q.tsv");
        Files.writeString(queries, "kind\tquestion\nvi\thộ chiếu\n");
        CliRun run = CliRun.run("eval", "--queries", queries.toString(), "--corpus", "faq");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(queries + ":1:");
    }

    @Test
    void evalOnAnExternalFaqSet() throws Exception {
        Path set = tmp.resolve("set.jsonl");
        Files.writeString(
                set, "{\"id\": \"renew\", \"question\": \"How do I renew my passport?\", \"answer\": \"x\"}\n");
        Path queries = tmp.resolve("q.tsv");
        Files.writeString(queries, "expected\tquestion\nrenew\trenew my passport\n");
        CliRun run = CliRun.run("eval", "--queries", queries.toString(), "--corpus", set.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 entries");
    }

    @Test
    void benchPrintsOneJsonLineWithFiguresForBothMatchers() throws Exception {
        CliRun run = CliRun.run("bench", "--entries", "200", "--measure", "200", "--json", "--faq-dir", "faq");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("entries").asInt()).isEqualTo(200);
        for (String matcher : List.of("default", "bm25")) {
            for (String key : List.of("p50_ms", "p99_ms", "qps", "ready_ms")) {
                assertThat(json.path(matcher).path(key).isNumber())
                        .as(matcher + "." + key)
                        .isTrue();
            }
            assertThat(json.path(matcher).path("p99_ms").asDouble())
                    .isGreaterThanOrEqualTo(json.path(matcher).path("p50_ms").asDouble());
            assertThat(json.path(matcher).path("qps").asDouble()).isPositive();
        }
    }

    @Test
    void benchRejectsTooFewMeasurements() {
        CliRun run = CliRun.run("bench", "--measure", "10", "--faq-dir", "faq");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--measure >= 100");
    }

    /** With no command the jar is the terminal chat (ChatCommandTest); the usage is behind --help. */
    @Test
    void helpPrintsUsage() {
        CliRun run = CliRun.run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("Usage: consular-bot")
                .contains("chat")
                .contains("purge")
                .contains("ask")
                .contains("eval")
                .contains("faq");
    }

    /** Regression: "--help" on a command failed ("Missing required parameter", exit 2) though the README says it works. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "serve",
                "chat",
                "ask",
                "eval",
                "bench",
                "purge",
                "report",
                "faq",
                "faq validate",
                "faq review",
                "faq export",
                "faq import",
                "officer",
                "officer add",
                "officer remove",
                "officer list",
                "officer console"
            })
    void everyCommandPrintsItsUsageOnHelp(String command) {
        String[] args = (command + " --help").split(" ");
        CliRun run = CliRun.run(args);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: consular-bot " + command);
    }
}
