package org.consularbot.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an evaluation file: TSV with a header naming at least {@code expected} and {@code question}, optionally
 * {@code kind}, {@code urgent} (yes/no), {@code situation}, {@code class} and {@code previous}; {@code -} or an
 * empty cell is no value. A folder reads every {@code .tsv} file in it, in name order.
 */
public final class EvalSet {

    private EvalSet() {}

    public static List<EvalQuery> read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<EvalQuery> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".tsv"))
                        .sorted()
                        .toList()) {
                    all.addAll(read(file));
                }
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException(path + ": no .tsv file with messages in this folder");
            }
            return all;
        }
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(path + ": empty file; expected a header with 'expected' and 'question'");
        }
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split("\t"))
                .map(String::strip)
                .toList();
        int expected = header.indexOf("expected");
        int question = header.indexOf("question");
        if (expected < 0 || question < 0) {
            throw new IllegalArgumentException(path + ":1: the header must name the columns 'expected' and 'question'");
        }
        List<EvalQuery> queries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length <= Math.max(expected, question)) {
                throw new IllegalArgumentException(
                        path + ":" + (i + 1) + ": expected " + header.size() + " tab-separated columns");
            }
            String kind = cell(cells, header.indexOf("kind"));
            String urgent = cell(cells, header.indexOf("urgent"));
            if (urgent != null && !urgent.equals("yes") && !urgent.equals("no")) {
                throw new IllegalArgumentException(
                        path + ":" + (i + 1) + ": urgent must be yes or no, not '" + urgent + "'");
            }
            String kindValue = kind == null ? "all" : kind;
            queries.add(new EvalQuery(
                    cells[question],
                    cells[expected].strip(),
                    kindValue,
                    i + 1,
                    urgent == null ? Figures.URGENT_KIND.equals(kindValue) : urgent.equals("yes"),
                    cell(cells, header.indexOf("situation")),
                    cell(cells, header.indexOf("class")),
                    cell(cells, header.indexOf("previous"))));
        }
        return queries;
    }

    private static String cell(String[] cells, int column) {
        if (column < 0 || column >= cells.length) {
            return null;
        }
        String value = cells[column].strip();
        return value.isEmpty() || value.equals("-") ? null : value;
    }
}
