package org.consularbot.faq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the official bulletins of {@code faq/docs/*.md}: a front matter of {@code key: value} lines between
 * {@code ---} lines, then the text. Staff edit these files, so every problem names the file and the line.
 */
final class DocReader {

    static final Set<String> KEYS = Set.of("id", "title", "lang", "source", "date", "reviewed", "historical", "topic");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{2,80}");
    private static final int MAX_PARAGRAPH = 1_200;

    private final Map<String, Topic> topics;
    private final List<CorpusProblem> problems;
    private final List<CorpusProblem> warnings;

    DocReader(Map<String, Topic> topics, List<CorpusProblem> problems, List<CorpusProblem> warnings) {
        this.topics = topics;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** Every document of the folder, in file-name order; none when the folder does not exist (docs are optional). */
    List<OfficialDoc> readAll(Path dir) {
        List<OfficialDoc> docs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return docs;
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(
                    new CorpusProblem(new SourceLocation("docs/", 0), "cannot list the folder: " + e.getMessage()));
            return docs;
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (Path file : files) {
            String name = "docs/" + file.getFileName();
            OfficialDoc doc = read(file, name);
            if (doc == null) {
                continue;
            }
            String earlier = seen.putIfAbsent(doc.id(), name);
            if (earlier != null) {
                problems.add(new CorpusProblem(
                        new SourceLocation(name, 2), "duplicate id '" + doc.id() + "' (also in " + earlier + ")"));
                continue;
            }
            docs.add(doc);
        }
        return docs;
    }

    private OfficialDoc read(Path file, String name) {
        List<String> lines;
        try {
            lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r?\n", -1));
        } catch (IOException e) {
            problems.add(new CorpusProblem(new SourceLocation(name, 0), "cannot read the file: " + e.getMessage()));
            return null;
        }
        int before = problems.size();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            problems.add(new CorpusProblem(
                    new SourceLocation(name, 1),
                    "must start with a '---' line, then id, title, lang, source, date, reviewed"));
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals("---")) {
                end = i;
                break;
            }
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            if (colon < 0 || !KEYS.contains(key)) {
                problems.add(new CorpusProblem(
                        new SourceLocation(name, i + 1),
                        colon < 0
                                ? "expected 'key: value'"
                                : "unknown field '" + key
                                        + "' (known: id, title, lang, source, date, reviewed, historical, topic)"));
                continue;
            }
            values.put(key, line.substring(colon + 1).strip());
            lineOf.put(key, i + 1);
        }
        if (end < 0) {
            problems.add(new CorpusProblem(
                    new SourceLocation(name, lines.size()), "the front matter is not closed with a '---' line"));
            return null;
        }
        for (String key : List.of("id", "title", "lang", "source", "date", "reviewed")) {
            if (values.getOrDefault(key, "").isEmpty()) {
                problems.add(new CorpusProblem(
                        new SourceLocation(name, lineOf.getOrDefault(key, 1)), "missing '" + key + "'"));
            }
        }
        String id = values.getOrDefault("id", "");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(new CorpusProblem(
                    new SourceLocation(name, lineOf.get("id")),
                    "id '" + id + "' must be lower-case letters, digits, '.' and '-'"));
        }
        Language language = Language.fromCode(values.getOrDefault("lang", "")).orElse(null);
        if (values.containsKey("lang") && language == null) {
            problems.add(new CorpusProblem(new SourceLocation(name, lineOf.get("lang")), "lang must be vi or en"));
        }
        String source = values.getOrDefault("source", "");
        if (!source.isEmpty() && !source.matches("https?://\\S+")) {
            problems.add(new CorpusProblem(
                    new SourceLocation(name, lineOf.get("source")), "source must be an http(s) address"));
        }
        ChronoUnit precision = precision(values.getOrDefault("date", ""));
        LocalDate date = date(values, lineOf, "date", name);
        LocalDate reviewed = date(values, lineOf, "reviewed", name);
        String historical = values.getOrDefault("historical", "false");
        if (!historical.equals("true") && !historical.equals("false")) {
            problems.add(new CorpusProblem(
                    new SourceLocation(name, lineOf.get("historical")), "historical must be true or false"));
        }
        String topic = values.getOrDefault("topic", "");
        if (!topic.isEmpty() && !topics.containsKey(topic)) {
            problems.add(new CorpusProblem(
                    new SourceLocation(name, lineOf.get("topic")), "unknown topic '" + topic + "' (see topics.tsv)"));
        }
        List<String> paragraphs = paragraphs(lines, end + 1, name);
        if (paragraphs.isEmpty()) {
            problems.add(new CorpusProblem(new SourceLocation(name, end + 2), "no text after the front matter"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new OfficialDoc(
                id,
                values.get("title"),
                language,
                source,
                date,
                precision,
                reviewed,
                historical.equals("true"),
                topic,
                paragraphs);
    }

    private List<String> paragraphs(List<String> lines, int from, String name) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int startLine = from + 1;
        for (int i = from; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isBlank()) {
                if (current.length() > 0) {
                    String paragraph = current.toString().strip();
                    if (paragraph.length() > MAX_PARAGRAPH) {
                        warnings.add(new CorpusProblem(
                                new SourceLocation(name, startLine),
                                "paragraph of " + paragraph.length() + " characters; passages read best under "
                                        + MAX_PARAGRAPH));
                    }
                    paragraphs.add(paragraph);
                    current.setLength(0);
                }
                startLine = i + 2;
            } else {
                current.append(current.length() == 0 ? "" : "\n").append(line.strip());
            }
        }
        return paragraphs;
    }

    /** The material's date may be only a year or a month ({@code 2018}, {@code 2020-04}) when the source gives no day. */
    private static ChronoUnit precision(String value) {
        return value.matches("\\d{4}")
                ? ChronoUnit.YEARS
                : value.matches("\\d{4}-\\d{2}") ? ChronoUnit.MONTHS : ChronoUnit.DAYS;
    }

    private LocalDate date(Map<String, String> values, Map<String, Integer> lineOf, String key, String name) {
        String value = values.getOrDefault(key, "");
        if (value.isEmpty()) {
            return null;
        }
        boolean partialAllowed = key.equals("date");
        try {
            if (partialAllowed && value.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(value), 1, 1);
            }
            if (partialAllowed && value.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value).atDay(1);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new CorpusProblem(
                    new SourceLocation(name, lineOf.get(key)),
                    "malformed date '" + value + "' in '" + key
                            + (partialAllowed
                                    ? "' (write YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day)"
                                    : "' (write YYYY-MM-DD)")));
            return null;
        }
    }
}
