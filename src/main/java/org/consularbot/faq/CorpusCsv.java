package org.consularbot.faq;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spreadsheet round trip for staff who prefer Excel or Google Sheets: one row per entry, lists one item
 * per line inside a cell. Export then import gives back the same entries (YAML comments are not kept).
 */
public final class CorpusCsv {

    static final List<String> COLUMNS = List.of("file", "id", "topic", "questions_vi", "questions_en", "answer_vi",
            "answer_en", "sources", "reviewed", "expires", "keywords");

    private CorpusCsv() {
    }

    public static void export(Corpus corpus, Path csv) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, String>> rows = new ArrayList<>();
        for (FaqEntry entry : corpus.entries()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("file", entry.location().file().replaceFirst("^entries/", ""));
            row.put("id", entry.id());
            row.put("topic", entry.topic());
            row.put("questions_vi", String.join("\n", entry.questions(Language.VI)));
            row.put("questions_en", String.join("\n", entry.questions(Language.EN)));
            row.put("answer_vi", entry.answers().getOrDefault(Language.VI, ""));
            row.put("answer_en", entry.answers().getOrDefault(Language.EN, ""));
            row.put("sources", String.join("\n", entry.sources()));
            row.put("reviewed", entry.reviewed().toString());
            row.put("expires", entry.expires().map(Object::toString).orElse(""));
            row.put("keywords", String.join("\n", entry.keywords()));
            rows.add(row);
        }
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF'); // so spreadsheet programs read the Vietnamese letters as UTF-8
            new CsvMapper().writer(schema.build()).writeValues(writer).writeAll(rows);
        }
    }

    /**
     * Writes the rows of {@code csv} as topic files into {@code dir/entries}, one file per value of the
     * {@code file} column. Returns the files written. The caller validates the result.
     */
    public static List<Path> importInto(Path csv, Path dir) throws IOException {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(reader);
            int line = 1;
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                line++;
                String id = row.getOrDefault("id", "").strip();
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(csv + ": row " + line + " has no id");
                }
                String topic = row.getOrDefault("topic", "").strip();
                String file = row.getOrDefault("file", "").strip();
                files.computeIfAbsent(file.isEmpty() ? topic + ".yaml" : file, k -> new ArrayList<>()).add(entry(row));
            }
        }
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());
        Path entries = dir.resolve("entries");
        Files.createDirectories(entries);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> file : files.entrySet()) {
            Path target = entries.resolve(Path.of(file.getKey()).getFileName().toString());
            yaml.writeValue(target.toFile(), Map.of("entries", file.getValue()));
            written.add(target);
        }
        return written;
    }

    private static Map<String, Object> entry(Map<String, String> row) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", row.getOrDefault("id", "").strip());
        entry.put("topic", row.getOrDefault("topic", "").strip());
        entry.put("questions", Map.of("vi", lines(row.get("questions_vi")), "en", lines(row.get("questions_en"))));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("vi", row.getOrDefault("answer_vi", "").strip());
        answer.put("en", row.getOrDefault("answer_en", "").strip());
        entry.put("answer", answer);
        entry.put("sources", lines(row.get("sources")));
        entry.put("reviewed", row.getOrDefault("reviewed", "").strip());
        String expires = row.getOrDefault("expires", "").strip();
        if (!expires.isEmpty()) {
            entry.put("expires", expires);
        }
        List<String> keywords = lines(row.get("keywords"));
        if (!keywords.isEmpty()) {
            entry.put("keywords", keywords);
        }
        return entry;
    }

    private static List<String> lines(String cell) {
        return cell == null ? List.of()
                : Arrays.stream(cell.split("\r?\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

}
