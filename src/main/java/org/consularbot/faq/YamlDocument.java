package org.consularbot.faq;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A corpus YAML file read with line numbers: top-level keys, and for list-valued keys each item with the line
 * it starts on, so validation can say "passport.issue.yaml:42".
 */
final class YamlDocument {

    /** One item of a top-level list, with where it starts and where the next one starts. */
    record Item(JsonNode node, int line, int endLine) {}

    /** A key written twice in one place is an error: otherwise the second silently wins. */
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final String file;
    private final List<String> lines;
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Map<String, List<Item>> lists = new LinkedHashMap<>();

    private YamlDocument(String file, String text) {
        this.file = file;
        this.lines = List.of(text.split("\r?\n", -1));
    }

    /** Reads the file; a syntax error becomes a problem at its line and an empty document. */
    static YamlDocument read(Path path, String name, List<CorpusProblem> problems) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new CorpusProblem(new SourceLocation(name, 0), "cannot read the file: " + e.getMessage()));
            return new YamlDocument(name, "");
        }
        YamlDocument doc = new YamlDocument(name, text);
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return doc;
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(new CorpusProblem(
                        doc.at(parser.currentTokenLocation().getLineNr()),
                        "the file must be a list of 'key: value' lines"));
                return doc;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY) {
                    List<Item> items = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        int line = parser.currentTokenLocation().getLineNr();
                        JsonNode node = MAPPER.readTree(parser);
                        items.add(new Item(node, line, Integer.MAX_VALUE));
                    }
                    doc.lists.put(
                            key, withEnds(items, parser.currentTokenLocation().getLineNr()));
                } else {
                    doc.values.put(key, MAPPER.readTree(parser));
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage();
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                // Where it went wrong (a tab, a bad indent); for a construct left open to the end of the file (an
                // unclosed quote), where it opened. Jackson's own location is the last good token, often a line early.
                boolean atContext = YamlErrorWords.atContext(yaml.getProblem());
                var mark = atContext && yaml.getContextMark() != null ? yaml.getContextMark() : yaml.getProblemMark();
                line = mark.getLine() + 1;
                message = yaml.getProblem();
            }
            int open = doc.unclosedQuoteBefore(line);
            if (open > 0) {
                // The parser read on to the next quote and failed lines later; the mistake is where the quote opened.
                problems.add(new CorpusProblem(
                        doc.at(open),
                        "not valid YAML: this line opens a double quote (\") it never"
                                + " closes: close it at the end of the text"));
            } else {
                problems.add(new CorpusProblem(doc.at(line), "not valid YAML: " + YamlErrorWords.explain(message)));
            }
        } catch (IOException e) {
            problems.add(new CorpusProblem(doc.at(0), "cannot read the file: " + e.getMessage()));
        }
        return doc;
    }

    /** A value that starts with a double quote: {@code key: "…} or {@code - "…}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("^\\s*(-\\s+|[^\\s#\"][^#\"]*?:\\s+)\"");

    /** The first line at or before {@code line} whose quoted value has no closing quote, or 0. */
    int unclosedQuoteBefore(int line) {
        for (int i = 0; i < Math.min(line, lines.size()); i++) {
            String text = lines.get(i);
            long quotes = text.replace("\\\\", "")
                    .replace("\\\"", "")
                    .chars()
                    .filter(c -> c == '"')
                    .count();
            if (quotes % 2 == 1 && QUOTED_VALUE.matcher(text).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<Item> withEnds(List<Item> items, int listEnd) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int end = i + 1 < items.size() ? items.get(i + 1).line() : listEnd + 1;
            out.add(new Item(items.get(i).node(), items.get(i).line(), end));
        }
        return out;
    }

    SourceLocation at(int line) {
        return new SourceLocation(file, line);
    }

    /** The line of {@code key:} inside an item, or the item's first line when not found. */
    SourceLocation lineOf(Item item, String key) {
        Pattern pattern = Pattern.compile("^\\s*(-\\s+)?" + Pattern.quote(key) + "\\s*:");
        for (int line = item.line(); line < Math.min(item.endLine(), lines.size() + 1); line++) {
            if (pattern.matcher(lines.get(line - 1)).find()) {
                return at(line);
            }
        }
        return at(item.line());
    }

    JsonNode value(String key) {
        return values.get(key);
    }

    List<Item> list(String key) {
        return lists.getOrDefault(key, List.of());
    }

    boolean has(String key) {
        return values.containsKey(key) || lists.containsKey(key);
    }

    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(values.keySet());
        keys.addAll(lists.keySet());
        return keys;
    }
}
