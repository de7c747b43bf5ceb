package org.consularbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.consularbot.eval.CrossValidation;
import org.consularbot.eval.EvalQuery;
import org.consularbot.eval.EvalSet;
import org.consularbot.eval.Evaluation;
import org.consularbot.eval.ExternalFaqSet;
import org.consularbot.eval.PassageEvaluation;
import org.consularbot.eval.QueryOutcome;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.FollowUpOption;
import org.consularbot.faq.InMemoryModelCache;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.ModelCache;
import org.consularbot.faq.Passage;
import org.consularbot.faq.PassageIndex;
import org.consularbot.llm.OfficialEvidence;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval}: accuracy figures of a matcher on labelled messages, per kind. */
@Command(
        name = "eval",
        description =
                "Measure the matcher on labelled messages (TSV: expected, question, optional kind, urgent, situation, class, previous).")
final class EvalCommand implements Callable<Integer> {

    @Option(
            names = "--queries",
            paramLabel = "FILE",
            description =
                    "TSV (or a folder of them) with a header: expected (topic, entry, a|b, NONE, chitchat or decline), question; optional kind, urgent, situation, class, previous.")
    Path queries;

    @Option(
            names = "--passages",
            paramLabel = "FILE",
            description =
                    "Passage retrieval for the fallback instead: TSV expected (bulletin or FAQ entry id), kind, question.")
    Path passages;

    @Option(
            names = "--corpus",
            paramLabel = "PATH",
            description =
                    "Corpus folder, or an import file (JSONL or CSV with id, question, answer, optional topic, lang). Default: FAQ_DIR, else bundled.")
    Path corpusPath;

    @Option(
            names = "--matcher",
            defaultValue = "default",
            paramLabel = "NAME[,NAME]",
            description = "default, bm25 (plain Lucene BM25 baseline), or both: default,bm25 (--out gets the first).")
    String matcherName;

    @Option(
            names = "--cross-validate",
            arity = "0..1",
            fallbackValue = "5",
            paramLabel = "K",
            description =
                    "Instead of --queries: the corpus folder's own examples/, each measured by a reading trained without it (K folds, default 5).")
    Integer folds;

    @Option(
            names = "--out",
            paramLabel = "FILE.jsonl",
            description = "Write one JSON object per message, in input order.")
    Path out;

    @Spec
    CommandSpec spec;

    private final CorpusSource corpora;

    EvalCommand(CorpusSource corpora) {
        this.corpora = corpora;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> matcherNames =
                Arrays.stream(matcherName.split(",")).map(String::strip).toList();
        if (!FaqMatchers.NAMES.containsAll(matcherNames)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--matcher must be one of " + String.join(", ", FaqMatchers.NAMES));
        }
        PrintWriter err = spec.commandLine().getErr();
        if ((queries == null ? 0 : 1) + (passages == null ? 0 : 1) + (folds == null ? 0 : 1) != 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give one of --queries, --passages or --cross-validate");
        }
        if (folds != null) {
            return crossValidate(matcherNames, stdout, err);
        }
        if (passages != null) {
            Corpus corpus = corpora.load(corpusPath, err);
            PassageIndex index = new PassageIndex(corpus);
            List<EvalQuery> labelled = EvalSet.read(passages);
            PassageEvaluation.run(index, labelled)
                    .print(
                            String.format(
                                    "passage retrieval on %s (%d questions, %d passages)",
                                    passages, labelled.size(), index.size()),
                            stdout);
            // How often the fallback would have official text to give, and whether its first passage is on topic.
            OfficialEvidence evidence = new OfficialEvidence(index);
            int quoted = 0;
            int onTopic = 0;
            for (EvalQuery query : labelled) {
                List<Passage> found = evidence.relevant(
                        query.question(), query.kind().startsWith("en") ? Language.EN : Language.VI, 2, 1);
                if (!found.isEmpty()) {
                    quoted++;
                    String topic = index.topicOf(query.expected());
                    onTopic += found.get(0).docId().equals(query.expected())
                                    || !topic.isEmpty()
                                            && topic.equals(found.get(0).topic())
                            ? 1
                            : 0;
                }
            }
            stdout.printf(
                    Locale.ROOT,
                    "  fallback evidence: %.3f of questions get official passages; first on topic in %.3f%n",
                    (double) quoted / labelled.size(),
                    (double) onTopic / labelled.size());
            stdout.flush();
            return 0;
        }
        List<EvalQuery> labelled = EvalSet.read(queries);
        Corpus corpus = corpusPath != null && Files.isRegularFile(corpusPath)
                ? ExternalFaqSet.read(corpusPath, corpora.load(null, err))
                : corpora.load(corpusPath, err);
        return measure(
                matcherNames,
                stdout,
                name -> {
                    err.printf(
                            "building the %s index over %d entries...%n",
                            name, corpus.entries().size());
                    err.flush();
                    return Evaluation.run(FaqMatchers.byName(name, corpus), labelled, err);
                },
                name -> String.format(
                        "%s matcher on %s (%d messages, corpus %s, %d entries)",
                        name,
                        queries,
                        labelled.size(),
                        corpus.origin(),
                        corpus.entries().size()));
    }

    /** How one matcher (by name) is measured. */
    private interface Measure {
        Evaluation of(String matcher) throws Exception;
    }

    /** Each matcher measured and printed under its title; the first one's outcomes to {@code --out}. */
    private int measure(List<String> matcherNames, PrintWriter stdout, Measure measure, Function<String, String> title)
            throws Exception {
        for (String name : matcherNames) {
            Evaluation evaluation = measure.of(name);
            evaluation.print(title.apply(name), stdout);
            if (out != null && name.equals(matcherNames.get(0))) {
                writeOutcomes(evaluation.outcomes(), out);
            }
        }
        return 0;
    }

    private int crossValidate(List<String> matcherNames, PrintWriter stdout, PrintWriter err) throws Exception {
        Path dir = corpora.directory(corpusPath)
                .filter(Files::isDirectory)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--cross-validate needs a corpus folder with examples/ (--corpus DIR or FAQ_DIR)"));
        Path examples = dir.resolve("examples");
        if (!Files.isDirectory(examples)) {
            throw new CommandLine.ParameterException(spec.commandLine(), dir + " has no examples/ folder");
        }
        Corpus corpus = corpora.load(dir, err);
        List<EvalQuery> labelled = EvalSet.read(examples);
        // Folds trained once for all matchers measured, and kept out of the service's cache (2 × K models would push
        // out the pair it serves).
        ModelCache foldModels = new InMemoryModelCache();
        return measure(
                matcherNames,
                stdout,
                name -> {
                    try {
                        return CrossValidation.run(corpus, labelled, folds, name, foldModels, err);
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                    }
                },
                name -> String.format(
                        "%s matcher, %d-fold cross-validation on %s (%d messages, each read by a model trained without it)",
                        name, folds, examples, labelled.size()));
    }

    private static void writeOutcomes(List<QueryOutcome> outcomes, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (QueryOutcome outcome : outcomes) {
                ObjectNode node = mapper.createObjectNode();
                node.put("question", outcome.query().question());
                node.put("expected", outcome.query().expected());
                node.put("kind", outcome.query().kind());
                node.put("tier", outcome.tier().code());
                outcome.result().reason().ifPresent(reason -> node.put("reason", reason));
                outcome.result().emergency().ifPresent(e -> {
                    node.put(e.sure() ? "situation" : "maybe_situation", e.situation());
                    node.put("evidence", e.evidence());
                });
                outcome.result()
                        .top()
                        .ifPresentOrElse(
                                top -> {
                                    node.put("topic", top.entry().topic());
                                    node.put("id", top.entry().id());
                                    node.put("score", AskCommand.round(top.score()));
                                    node.put("confidence", AskCommand.round(top.confidence()));
                                },
                                () -> {
                                    node.putNull("topic");
                                    node.putNull("id");
                                    node.putNull("score");
                                });
                MatchResult result = outcome.result();
                if (!Double.isNaN(result.certainty())) {
                    node.put("certainty", AskCommand.round(result.certainty()));
                    var signals = node.putArray("gate");
                    result.answerSignals().forEach(signals::add); // unrounded: eval/fit-answer-gate.py refits on them
                }
                if (!result.followUpOptions().isEmpty()) {
                    var options = node.putArray("followUp"); // unrounded: eval/fit-follow-up.py refits on them
                    for (FollowUpOption option : result.followUpOptions()) {
                        var read = options.addObject()
                                .put("topic", option.topic())
                                .put("probability", option.probability());
                        option.signals().forEach(read.putArray("signals")::add);
                    }
                }
                var ranked = node.putArray("ranked");
                for (Candidate c : outcome.result().ranked()) {
                    ranked.addObject()
                            .put("id", c.entry().id())
                            .put("topic", c.entry().topic())
                            .put("score", AskCommand.round(c.score()))
                            .put("confidence", AskCommand.round(c.confidence()));
                }
                writer.write(node.toString());
                writer.newLine();
            }
        }
    }
}
