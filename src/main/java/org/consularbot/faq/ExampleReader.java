package org.consularbot.faq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code examples/*.tsv}: the same columns as the evaluation files ({@code kind}, {@code urgent},
 * {@code situation}, {@code class}, {@code question}; others are ignored), so a message from a conversation log or
 * a test set moves in by copying its line. An urgent message needs a situation of {@code urgent.yaml}; small talk
 * and declines need a class of {@code smalltalk.yaml}; anything else is an ordinary question, about the topic in
 * {@code expected} when that is one topic of {@code topics.tsv}.
 */
final class ExampleReader {

    private final Set<String> topics;
    private final Set<String> situations;
    private final Set<String> chitchat;
    private final Set<String> decline;
    private final List<CorpusProblem> problems;

    ExampleReader(Set<String> topics, UrgentRules urgent, SmallTalkRules smallTalk, List<CorpusProblem> problems) {
        this.topics = topics;
        this.situations =
                urgent.situations().stream().map(UrgentRules.Situation::id).collect(Collectors.toSet());
        this.chitchat =
                smallTalk.chitchat().stream().map(SmallTalkRules.Kind::id).collect(Collectors.toSet());
        this.decline = smallTalk.decline().stream().map(SmallTalkRules.Kind::id).collect(Collectors.toSet());
        this.problems = problems;
    }

    /** Every example in the folder's {@code .tsv} files, in name order; none when there is no folder. */
    List<Example> readAll(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                read(file, "examples/" + file.getFileName(), examples);
            }
        } catch (IOException e) {
            problems.add(new CorpusProblem(new SourceLocation("examples/", 0), "cannot read: " + e.getMessage()));
        }
        return List.copyOf(examples);
    }

    private void read(Path file, String name, List<Example> out) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = lines.isEmpty()
                ? List.of()
                : Arrays.stream(lines.get(0).replace("\uFEFF", "").split("\t"))
                        .map(String::strip)
                        .toList();
        int question = header.indexOf("question");
        if (question < 0) {
            problems.add(
                    new CorpusProblem(
                            new SourceLocation(name, 1),
                            "the first line must name the columns, among them 'question' (and 'kind', 'urgent', 'situation', 'class')"));
            return;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            SourceLocation at = new SourceLocation(name, i + 1);
            String[] cells = lines.get(i).split("\t", -1);
            String text = cell(cells, question);
            if (text == null) {
                problems.add(new CorpusProblem(at, "no message in the 'question' column"));
                continue;
            }
            String expected = cell(cells, header.indexOf("expected"));
            // Small talk and declines may be marked in either column: kind (as in the tune sets) or expected.
            String kind = talk(cell(cells, header.indexOf("kind"))) ? cell(cells, header.indexOf("kind")) : expected;
            String situation = cell(cells, header.indexOf("situation"));
            String label = cell(cells, header.indexOf("class"));
            if ("yes".equals(cell(cells, header.indexOf("urgent")))) {
                if (!situations.contains(situation)) {
                    problems.add(new CorpusProblem(
                            at,
                            "an urgent message needs a situation of urgent.yaml " + sorted(situations) + ", not '"
                                    + situation + "'"));
                } else {
                    out.add(new Example(Example.Kind.URGENT, situation, text));
                }
            } else if ("chitchat".equals(kind) || "decline".equals(kind)) {
                Set<String> classes = "chitchat".equals(kind) ? chitchat : decline;
                if (!classes.contains(label)) {
                    problems.add(new CorpusProblem(
                            at,
                            kind + " needs a class of smalltalk.yaml " + sorted(classes) + ", not '" + label + "'"));
                } else {
                    out.add(new Example(
                            "chitchat".equals(kind) ? Example.Kind.CHITCHAT : Example.Kind.DECLINE, label, text));
                }
            } else {
                // A follow-up's topic comes from the message before it ("còn phí thì sao?" after a passport
                // question): learnt from its words alone it would teach that "phí" means passports.
                boolean followUp = cell(cells, header.indexOf("previous")) != null;
                out.add(new Example(
                        Example.Kind.QUESTION, topics.contains(expected) && !followUp ? expected : "", text));
            }
        }
    }

    private static boolean talk(String kind) {
        return "chitchat".equals(kind) || "decline".equals(kind);
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static String cell(String[] cells, int column) {
        if (column < 0 || column >= cells.length) {
            return null;
        }
        String value = cells[column].strip();
        return value.isEmpty() || value.equals("-") ? null : value;
    }
}
