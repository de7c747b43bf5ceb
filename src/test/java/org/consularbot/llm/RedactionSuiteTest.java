package org.consularbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The redaction suite ({@code src/test/resources/llm/redaction.tsv}, written by a helper who had not read the
 * redactor): one message per format of personal data, what must go and what must stay. What must go may not survive
 * whole, nor any of its digit groups of three or more (read after the same clean-up as the redactor, so a
 * full-width or split number counts); what must stay (fees, laws, the public hotline, travel dates) must survive.
 */
class RedactionSuiteTest {

    private static final Path SUITE = Path.of("src/test/resources/llm/redaction.tsv");
    private static final Pattern DIGITS = Pattern.compile("\\d{3,}");

    private final Redactor redactor = new Redactor(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    static Stream<Arguments> cases() throws IOException {
        List<String> lines = Files.readAllLines(SUITE, StandardCharsets.UTF_8);
        List<Arguments> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != 5) {
                continue;
            }
            rows.add(Arguments.of(i + 1, cells[0], cells[2], items(cells[3]), items(cells[4])));
        }
        return rows.stream();
    }

    @Test
    void theSuiteCoversAHundredFormats() throws IOException {
        Set<String> formats = new HashSet<>();
        cases().forEach(row -> formats.add((String) row.get()[1]));

        assertThat(formats).hasSizeGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("cases")
    void personalDataGoesAndTheRestStays(
            int line, String format, String message, List<String> mustGo, List<String> mustStay) {
        String redacted = redactor.redact(message);

        Set<String> leftDigits = digitGroups(redacted);
        Set<String> allowedDigits = new HashSet<>();
        mustStay.forEach(item -> allowedDigits.addAll(digitGroups(item)));
        for (String item : mustGo) {
            assertThat(redacted).as("%s survives in: %s", item, redacted).doesNotContain(item);
            for (String group : digitGroups(item)) {
                assertThat(leftDigits.contains(group) && !allowedDigits.contains(group))
                        .as("digits %s of %s survive in: %s", group, item, redacted)
                        .isFalse();
            }
        }
        for (String item : mustStay) {
            assertThat(redacted).as("%s must stay in: %s", item, redacted).contains(item);
        }
        assertThat(redactor.redact(redacted))
                .as("redacting twice changes nothing")
                .isEqualTo(redacted);
    }

    private static Set<String> digitGroups(String text) {
        Set<String> groups = new HashSet<>();
        Matcher m = DIGITS.matcher(GroundedFacts.clean(text));
        while (m.find()) {
            groups.add(m.group());
        }
        return groups;
    }

    private static List<String> items(String cell) {
        if (cell.equals("-") || cell.isBlank()) {
            return List.of();
        }
        return List.of(cell.split(" \\|\\| "));
    }
}
