package org.consularbot.llm;

import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of one folded text the redaction rules have claimed so far, by start; at most one claim per character,
 * so that the first rule to see a number decides what it is and the later ones leave it alone.
 */
final class Claims {

    /** A part of the folded text: kept as it is when the placeholder is null; date marks dates and their placeholder. */
    record Span(int start, int end, String placeholder, boolean date) {
        boolean redacted() {
            return placeholder != null;
        }
    }

    private final TreeMap<Integer, Span> byStart = new TreeMap<>();

    boolean isFree(int start, int end) {
        Map.Entry<Integer, Span> before = byStart.floorEntry(start);
        if (before != null && before.getValue().end() > start) {
            return false;
        }
        Integer next = byStart.ceilingKey(start);
        return next == null || next >= end;
    }

    /** Adds a span, or replaces the one with the same start. */
    void add(Span span) {
        byStart.put(span.start(), span);
    }

    NavigableMap<Integer, Span> between(int from, int to) {
        return byStart.subMap(from, true, to, false);
    }

    Collection<Span> all() {
        return byStart.values();
    }

    /**
     * Claims every free match of the pattern's group that passes the test; a null placeholder keeps the match (a
     * public number) out of the later rules.
     */
    void claim(String text, Pattern pattern, int group, String placeholder, Predicate<MatchResult> valid) {
        Matcher m = pattern.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start(group);
            int end = m.end(group);
            if (start >= 0 && end > start && isFree(start, end) && valid.test(m)) {
                add(new Span(start, end, placeholder, false));
                from = m.end();
            } else {
                from = m.start() + 1;
            }
        }
    }

    void claim(String text, Pattern pattern, String placeholder, Predicate<MatchResult> valid) {
        claim(text, pattern, 0, placeholder, valid);
    }
}
