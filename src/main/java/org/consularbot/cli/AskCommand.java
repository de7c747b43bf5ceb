package org.consularbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ask "text"}: what the FAQ engine makes of one message. */
@Command(name = "ask", description = "Match one message against the FAQ and show the tier and the answer.")
final class AskCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEXT", description = "The citizen's message.")
    String text;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(
            names = "--faq-dir",
            paramLabel = "DIR",
            description = "Corpus folder (default: FAQ_DIR, else the bundled corpus).")
    Path faqDir;

    @Spec
    CommandSpec spec;

    private final CorpusSource corpora;

    AskCommand(CorpusSource corpora) {
        this.corpora = corpora;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Corpus corpus = corpora.load(faqDir, spec.commandLine().getErr());
        MatchResult result = FaqMatchers.vietnameseAware(corpus).match(text);
        if (json) {
            out.println(toJson(corpus, result, text));
        } else {
            out.println(Replies.render(corpus, result, text));
        }
        out.flush();
        return 0;
    }

    static String toJson(Corpus corpus, MatchResult result, String text) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("tier", result.tier().code());
        node.put("language", result.language().code());
        result.reason().ifPresent(reason -> node.put("reason", reason));
        result.emergency().ifPresent(e -> {
            node.put("emergency", e.situation());
            node.put("situation", e.situation());
            node.put("sure", e.sure());
            node.put("evidence", e.evidence());
        });
        result.top().ifPresent(top -> {
            node.put("id", top.entry().id());
            node.put("topic", top.entry().topic());
            node.put("confidence", round(top.confidence()));
        });
        if (!Double.isNaN(result.certainty())) {
            node.put("certainty", round(result.certainty()));
        }
        ArrayNode ranked = node.putArray("ranked");
        for (Candidate candidate : result.ranked()) {
            ranked.addObject()
                    .put("id", candidate.entry().id())
                    .put("topic", candidate.entry().topic())
                    .put("score", round(candidate.score()))
                    .put("confidence", round(candidate.confidence()));
        }
        if (result.tier() != Tier.FALLBACK) {
            node.put("answer", Replies.render(corpus, result, text));
        }
        return node.toString();
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
