package org.consularbot.faq;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.util.Optional;

/**
 * The spreadsheet round trip for staff who prefer Excel or Google Sheets: one row per entry, lists one item
 * per line inside a cell. Export then import gives back the same entries (YAML comments are not kept).
 */
public final class CorpusCsv {

    static final List<String> COLUMNS = List.of(
            "file",
            "id",
            "topic",
            "questions_vi",
            "questions_en",
            "answer_vi",
            "answer_en",
            "sources",
            "reviewed",
            "expires",
            "keywords");

    private CorpusCsv() {}

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

    /** Where one imported entry went: its spreadsheet row and the line its block starts at in its topic file. */
    public record Placed(int row, int firstLine) {}

    /**
     * What an import wrote: the topic files, and for each file where each of its entries came from, so that a
     * problem the validation finds at a file's line is told as the spreadsheet row staff must fix.
     */
    public record Imported(List<Path> files, Map<String, List<Placed>> placed, Path csv) {

        public Imported {
            files = List.copyOf(files);
            placed = Map.copyOf(placed);
        }

        /** "faq.csv row 12" for a problem in an imported topic file; empty elsewhere. */
        public Optional<String> row(SourceLocation location) {
            List<Placed> entries =
                    placed.get(Path.of(location.file()).getFileName().toString());
            if (entries == null || location.line() <= 0 || !location.file().startsWith("entries/")) {
                return Optional.empty();
            }
            Placed at = null;
            for (Placed entry : entries) {
                if (entry.firstLine() <= location.line()) {
                    at = entry;
                }
            }
            return Optional.ofNullable(at).map(p -> csv.getFileName() + " row " + p.row());
        }
    }

    /**
     * Writes the rows of {@code csv} as topic files into {@code dir/entries}, one file per value of the
     * {@code file} column, in the corpus's own layout ({@link EntryLayout}): an unchanged export imports to the same
     * bytes. The caller validates the result.
     */
    public static Imported importInto(Path csv, Path dir) throws IOException {
        Map<String, List<EntryLayout.Block>> files = new LinkedHashMap<>();
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            MappingIterator<Map<String, String>> it = new CsvMapper()
                    .readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(reader);
            // The spreadsheet's row (the header is row 1): one per record, however many lines its cells span.
            int line = 1;
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                line++;
                String id = row.getOrDefault("id", "").strip();
                if (id.isEmpty()) {
                    throw new IllegalArgumentException(
                            csv.getFileName() + " row " + line + ", column id: no id (every row needs the entry's id)");
                }
                String topic = row.getOrDefault("topic", "").strip();
                String file = row.getOrDefault("file", "").strip();
                String name = Path.of(file.isEmpty() ? topic + ".yaml" : file)
                        .getFileName()
                        .toString();
                files.computeIfAbsent(name, k -> new ArrayList<>()).add(block(row));
                rows.computeIfAbsent(name, k -> new ArrayList<>()).add(line);
            }
        }
        Path entries = dir.resolve("entries");
        Files.createDirectories(entries);
        List<Path> written = new ArrayList<>();
        Map<String, List<Placed>> placed = new LinkedHashMap<>();
        for (Map.Entry<String, List<EntryLayout.Block>> file : files.entrySet()) {
            Path target = entries.resolve(file.getKey());
            Files.writeString(target, EntryLayout.file(file.getValue()), StandardCharsets.UTF_8);
            written.add(target);
            List<Integer> starts = EntryLayout.firstLines(file.getValue());
            List<Integer> fileRows = rows.get(file.getKey());
            List<Placed> where = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                where.add(new Placed(fileRows.get(i), starts.get(i)));
            }
            placed.put(file.getKey(), List.copyOf(where));
        }
        return new Imported(written, placed, csv);
    }

    private static EntryLayout.Block block(Map<String, String> row) {
        return new EntryLayout.Block(
                row.getOrDefault("id", "").strip(),
                row.getOrDefault("topic", "").strip(),
                lines(row.get("questions_vi")),
                lines(row.get("questions_en")),
                row.getOrDefault("answer_vi", "").strip(),
                row.getOrDefault("answer_en", "").strip(),
                lines(row.get("sources")),
                row.getOrDefault("reviewed", "").strip(),
                row.getOrDefault("expires", "").strip(),
                lines(row.get("keywords")));
    }

    private static List<String> lines(String cell) {
        return cell == null
                ? List.of()
                : Arrays.stream(cell.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
