package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes topic files in the corpus's own layout, the one staff read and edit by hand: one block per entry, lists one
 * item per line, answers as literal blocks, keywords on one line, a blank line between entries, nothing quoted
 * that does not need it. A spreadsheet import through it rewrites only what changed: importing an unchanged export
 * leaves every file as it was, byte for byte, and {@code git diff} shows a reviewer only the edited entry.
 */
final class EntryLayout {

    /** Characters YAML reads as line breaks or refuses in a file, whatever the style: only an escape carries them. */
    private static final String UNPRINTABLE = "[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufeff]";

    private static final Pattern NEEDS_ESCAPES = Pattern.compile(UNPRINTABLE);
    /** What a scalar may not start with, contain or be, unquoted, in block context. */
    private static final Pattern UNSAFE_START = Pattern.compile("^[-?:,\\[\\]{}#&*!|>'\"%@`\\s]");

    private static final Pattern UNSAFE_ANYWHERE = Pattern.compile(": |\\s#|:$|\\s$|[\\t\\n]|" + UNPRINTABLE);
    /**
     * What a YAML parser may read as something else than text: null, booleans, and anything that starts like a number
     * (decimal, 0x/0o/0b, signed, sexagesimal, .inf, .nan, dates); "1/7/2026", "20%" or "5-year" stay text.
     */
    private static final Pattern NOT_A_STRING = Pattern.compile(
            "(?i)~|null|true|false|yes|no|on|off|y|n|\\d{4}-\\d\\d?-\\d\\d?.*|[-+]?(0b[01_]+|0x[0-9a-f_]+|0o?[0-7_]+"
                    + "|\\d[\\d_]*(\\.[\\d_]*)?(e[-+]?\\d+)?|\\.[\\d_]+(e[-+]?\\d+)?|\\d[\\d_]*(:[0-5]?\\d)+(\\.[\\d_]*)?|\\.(inf|nan))");
    /** Inside {@code [a, b]}, commas, brackets, "?" and ":" end or start an item. */
    private static final Pattern UNSAFE_IN_FLOW = Pattern.compile("[,\\[\\]{}?:]");

    private EntryLayout() {}

    /** One entry as written in a topic file: the fields of a spreadsheet row. */
    record Block(
            String id,
            String topic,
            List<String> questionsVi,
            List<String> questionsEn,
            String answerVi,
            String answerEn,
            List<String> sources,
            String reviewed,
            String expires,
            List<String> keywords) {

        static Block of(FaqEntry entry) {
            return new Block(
                    entry.id(),
                    entry.topic(),
                    entry.questions(Language.VI),
                    entry.questions(Language.EN),
                    entry.answers().getOrDefault(Language.VI, ""),
                    entry.answers().getOrDefault(Language.EN, ""),
                    entry.sources(),
                    entry.reviewed().toString(),
                    entry.expires().map(Object::toString).orElse(""),
                    entry.keywords());
        }
    }

    /** A whole topic file. */
    static String file(List<Block> blocks) {
        StringBuilder out = new StringBuilder("entries:\n");
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(entry(blocks.get(i)));
        }
        return out.toString();
    }

    /** The line each block starts at in {@link #file}: after {@code entries:} and the blocks (and blank lines) before it. */
    static List<Integer> firstLines(List<Block> blocks) {
        List<Integer> starts = new ArrayList<>(blocks.size());
        int line = 2;
        for (Block block : blocks) {
            starts.add(line);
            line += (int) entry(block).chars().filter(c -> c == '\n').count() + 1;
        }
        return starts;
    }

    static String entry(Block block) {
        StringBuilder out = new StringBuilder();
        out.append("  - id: ").append(scalar(block.id())).append('\n');
        out.append("    topic: ").append(scalar(block.topic())).append('\n');
        out.append("    questions:\n");
        list(out, "      vi:", "        - ", block.questionsVi());
        list(out, "      en:", "        - ", block.questionsEn());
        out.append("    answer:\n");
        literal(out, "      vi:", block.answerVi());
        literal(out, "      en:", block.answerEn());
        list(out, "    sources:", "      - ", block.sources());
        out.append("    reviewed: ").append(scalar(block.reviewed())).append('\n');
        if (!block.expires().isEmpty()) {
            out.append("    expires: ").append(scalar(block.expires())).append('\n');
        }
        if (!block.keywords().isEmpty()) {
            out.append("    keywords: [")
                    .append(String.join(
                            ", ",
                            block.keywords().stream().map(EntryLayout::flowItem).toList()))
                    .append("]\n");
        }
        return out.toString();
    }

    private static void list(StringBuilder out, String key, String item, List<String> values) {
        if (values.isEmpty()) {
            out.append(key).append(" []\n");
            return;
        }
        out.append(key).append('\n');
        values.forEach(v -> out.append(item).append(scalar(v)).append('\n'));
    }

    private static void literal(StringBuilder out, String key, String text) {
        String value = text == null ? "" : text.strip().replace("\r\n", "\n").replace('\r', '\n');
        if (value.isEmpty() || NEEDS_ESCAPES.matcher(value).find()) {
            out.append(key).append(' ').append(quoted(value)).append('\n');
            return;
        }
        out.append(key).append(" |\n");
        for (String line : value.split("\n", -1)) {
            out.append(line.isBlank() ? "" : "        " + line.stripTrailing()).append('\n');
        }
    }

    /** Dates stay plain: the loader reads {@code reviewed} and {@code expires} as dates either way. */
    private static String scalar(String value) {
        boolean date = value.matches("\\d{4}-\\d\\d-\\d\\d");
        return date || safe(value) ? value : quoted(value);
    }

    private static String flowItem(String value) {
        return safe(value) && !UNSAFE_IN_FLOW.matcher(value).find() ? value : quoted(value);
    }

    private static boolean safe(String value) {
        return !value.isEmpty()
                && !UNSAFE_START.matcher(value).find()
                && !UNSAFE_ANYWHERE.matcher(value).find()
                && !NOT_A_STRING.matcher(value).matches();
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\u0085' -> out.append("\\N");
                case '\u2028' -> out.append("\\L");
                case '\u2029' -> out.append("\\P");
                case '\ufeff' -> out.append("\\ufeff");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
