package org.consularbot.faq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code countries.tsv}: one country per line with its names and emergency numbers. A number is printed to a
 * citizen in danger, so one marked CONFIRMED must cite a page that {@code sources.yaml} lists as official, and an
 * UNCONFIRMED row may carry no number at all (the reply then says "the local emergency number" instead of a guess).
 */
final class CountryReader {

    static final String FILE = "countries.tsv";
    private static final List<String> COLUMNS = List.of(
            "iso2",
            "country_vi",
            "country_en",
            "names",
            "police",
            "ambulance",
            "fire",
            "general",
            "status",
            "source_url");
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUMBER = Pattern.compile("\\d{2,6}");

    private final SourcePolicy policy;
    private final List<CorpusProblem> problems;

    CountryReader(SourcePolicy policy, List<CorpusProblem> problems) {
        this.policy = policy;
        this.problems = problems;
    }

    /** The table's countries; none when the corpus has no {@code countries.tsv}. */
    List<Country> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new CorpusProblem(new SourceLocation(FILE, 0), "cannot read: " + e.getMessage()));
            return List.of();
        }
        List<String> header = lines.isEmpty()
                ? List.of()
                : Arrays.stream(lines.get(0).replace("\uFEFF", "").split("\t"))
                        .map(String::strip)
                        .toList();
        if (!header.containsAll(COLUMNS)) {
            problems.add(new CorpusProblem(
                    new SourceLocation(FILE, 1), "the first line must name the columns " + String.join(", ", COLUMNS)));
            return List.of();
        }
        List<Country> countries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            SourceLocation at = new SourceLocation(FILE, i + 1);
            int before = problems.size();
            String iso2 = cell(cells, header, "iso2");
            if (!ISO2.matcher(iso2).matches()) {
                problems.add(
                        new CorpusProblem(at, "iso2 must be two capital letters (JP, KR, DE), not '" + iso2 + "'"));
            } else if (!seen.add(iso2)) {
                problems.add(new CorpusProblem(at, "country " + iso2 + " is listed twice"));
            }
            List<String> names = Arrays.stream(cell(cells, header, "names").split(","))
                    .map(String::strip)
                    .filter(n -> !n.isEmpty())
                    .toList();
            if (cell(cells, header, "country_vi").isEmpty()
                    || cell(cells, header, "country_en").isEmpty()
                    || names.isEmpty()) {
                problems.add(new CorpusProblem(at, "needs country_vi, country_en and at least one name in 'names'"));
            }
            List<String> numbers = new ArrayList<>();
            for (String column : List.of("police", "ambulance", "fire", "general")) {
                String number = cell(cells, header, column);
                if (!number.isEmpty() && !NUMBER.matcher(number).matches()) {
                    problems.add(new CorpusProblem(at, column + " must be digits only (2 to 6), not '" + number + "'"));
                }
                numbers.add(number);
            }
            String status = cell(cells, header, "status");
            String source = cell(cells, header, "source_url");
            boolean anyNumber = numbers.stream().anyMatch(n -> !n.isEmpty());
            if ("CONFIRMED".equals(status)) {
                if (!anyNumber) {
                    problems.add(new CorpusProblem(at, "a CONFIRMED country needs at least one number"));
                }
                boolean official = !source.isEmpty()
                        && Arrays.stream(source.split("\\s*\\|\\s*")).allMatch(policy::confirmsEmergencyNumbers);
                if (!official) {
                    problems.add(new CorpusProblem(
                            at,
                            "a CONFIRMED number must cite a page sources.yaml lists as official, not '" + source
                                    + "'"));
                }
                // A number copied wrong is worse than none: each must be read in the words quoted from the page.
                String excerpt = cell(cells, header, "excerpt");
                for (String number : numbers) {
                    if (!number.isEmpty()
                            && !Pattern.compile("(?<!\\d)" + number + "(?!\\d)")
                                    .matcher(excerpt)
                                    .find()) {
                        problems.add(new CorpusProblem(
                                at,
                                "the number " + number + " is not in the excerpt quoted from the page:"
                                        + " copy the words that give it, or check the number"));
                    }
                }
            } else if ("UNCONFIRMED".equals(status)) {
                if (anyNumber) {
                    problems.add(new CorpusProblem(
                            at,
                            "an UNCONFIRMED country may carry no number: a guessed number is never"
                                    + " printed; leave the cells empty until an official page confirms it"));
                }
            } else {
                problems.add(new CorpusProblem(at, "status must be CONFIRMED or UNCONFIRMED, not '" + status + "'"));
            }
            if (problems.size() == before) {
                countries.add(new Country(
                        iso2,
                        cell(cells, header, "country_vi"),
                        cell(cells, header, "country_en"),
                        names,
                        numbers.get(0),
                        numbers.get(1),
                        numbers.get(2),
                        numbers.get(3),
                        "CONFIRMED".equals(status),
                        source));
            }
        }
        return countries;
    }

    private static String cell(String[] cells, List<String> header, String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= cells.length ? "" : cells[index].strip();
    }
}
