package org.consularbot.faq;

import java.util.List;
import java.util.Locale;

/**
 * What a YAML parser's complaint means for the consular staff who edit the corpus ("expected &lt;block end&gt;, but
 * found '&lt;block mapping start&gt;'" is "indent this line like the line above it"). The parser's own words follow
 * in brackets, for whoever knows YAML.
 */
final class YamlErrorWords {

    private record Rule(String problem, String words) {}

    private static final String INDENT =
            "indent this line like the line above it (the same number of spaces as the other lines at its level)";

    /** First match wins; problems are SnakeYAML's and Jackson's, lower-cased. */
    private static final List<Rule> RULES = List.of(
            // Before any rule on the parser's wording: the key named here (e.g. "visa_table") is staff text.
            new Rule("duplicate field", "the same key is written twice here: keep one"),
            new Rule("'\\t(tab)'", "indent with spaces, not tabs"),
            new Rule("tab character", "indent with spaces, not tabs"),
            new Rule(
                    "mapping values are not allowed",
                    "a text holds ': ', or this line is indented further than the line above: put the whole text in"
                            + " double quotes (\"...\"), or indent this line like the line above it"),
            new Rule("but found '<block", INDENT),
            new Rule("but found '-'", INDENT),
            new Rule("but found '?'", INDENT),
            // Anything else after a finished value: text after its closing quote, or a '{' read as a mapping.
            new Rule(
                    "expected <block end>",
                    "a text that starts with a quote or a '{' must be quoted as a whole: write it in double quotes"
                            + " (\"...\"), and a quote inside it as \\\""),
            new Rule(
                    "could not find expected ':'",
                    "this line is not 'key: value' and not indented under a key: add the ':' after the key, or start a"
                            + " text of several lines with 'key: |' and indent every line of it under the key"),
            new Rule("end of stream", "a quote or bracket opened here is never closed: close it on the same line"),
            new Rule(
                    "expected ',' or ']'",
                    "a list in [ ] is not closed, or one of its items holds ': ': close it with ']' and put such"
                            + " items in double quotes"),
            new Rule("expected ',' or '}'", "a text with '{' must be put in double quotes (\"...\")"),
            new Rule("cannot start any token", "a text cannot start with @, ` or %: put it in double quotes (\"...\")"),
            new Rule(
                    "unexpected character found", "a text cannot start with * or &: put it in double quotes (\"...\")"),
            new Rule(
                    "unknown escape character",
                    "a backslash inside double quotes: write \\\\ for one, or use single quotes ('...')"));

    private YamlErrorWords() {}

    /** Staff words for the parser's problem, with the parser's first line in brackets. */
    static String explain(String problem) {
        String first = problem == null
                ? "syntax error"
                : problem.lines().findFirst().orElse("syntax error").strip();
        String lower = first.toLowerCase(Locale.ROOT);
        return RULES.stream()
                .filter(rule -> lower.contains(rule.problem()))
                .findFirst()
                .map(rule -> rule.words() + " (YAML: " + first + ")")
                .orElse(first);
    }

    /**
     * Whether the problem is best shown at the line where the parser's context began (the key with no ':', the quote
     * or bracket left open) rather than where it gave up, often a line later.
     */
    static boolean atContext(String problem) {
        String lower = String.valueOf(problem).toLowerCase(Locale.ROOT);
        return lower.contains("end of stream")
                || lower.contains("could not find expected ':'")
                || lower.contains("expected ',' or ']'")
                || lower.contains("expected ',' or '}'");
    }
}
