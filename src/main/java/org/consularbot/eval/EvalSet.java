package org.consularbot.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads an evaluation file: TSV with a header naming at least {@code expected} and {@code question}. */
public final class EvalSet {

    private EvalSet() {
    }

    public static List<EvalQuery> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file; expected a header with 'expected' and 'question'");
        }
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split("\t")).map(String::strip).toList();
        int expected = header.indexOf("expected");
        int question = header.indexOf("question");
        int kind = header.indexOf("kind");
        if (expected < 0 || question < 0) {
            throw new IllegalArgumentException(file + ":1: the header must name the columns 'expected' and 'question'");
        }
        List<EvalQuery> queries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length <= Math.max(expected, question)) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + header.size() + " tab-separated columns");
            }
            String kindValue = kind >= 0 && kind < cells.length && !cells[kind].isBlank() ? cells[kind].strip() : "all";
            queries.add(new EvalQuery(cells[question], cells[expected].strip(), kindValue, i + 1));
        }
        return queries;
    }
}
