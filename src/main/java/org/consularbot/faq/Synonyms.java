package org.consularbot.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The editable list of chat abbreviations and synonyms ({@code faq/synonyms.txt}). Two kinds of line:
 * <ul>
 *   <li>{@code hc, hchieu => hộ chiếu}: the words on the left are abbreviations, rewritten to the right;</li>
 *   <li>{@code ạ, nhé =>} (nothing on the right): filler words, ignored when matching;</li>
 *   <li>{@code passport, hộ chiếu}: equivalents; a message with one also searches for the others.</li>
 * </ul>
 * Keys are looked up without diacritics, so one line serves "đsq" and "dsq"; words typed with diacritics must
 * match a key as written, so "nhà" (house) is not the filler "nha".
 */
public record Synonyms(Map<List<String>, Rule> rules, int longestKey) {

    /**
     * What a matched key becomes: replaced (abbreviation) or accompanied (equivalent). {@code searchAlso} is
     * worked out once when the file is read: the folded phrases a message with this key also searches for
     * (an equivalent's others; for an abbreviation, the equivalents of the words it stands for).
     */
    public record Rule(
            List<Phrase> alternatives, boolean replaces, Set<List<String>> writtenKeys, List<String> searchAlso) {

        /**
         * Whether words the citizen typed fit this rule's key. Keys are looked up folded, so "dsq" finds "đsq";
         * but words typed WITH diacritics must match a key as written: "nhà" (house) is not the filler "nha".
         */
        public boolean fits(List<String> written, List<String> folded) {
            return written.equals(folded) || writtenKeys.contains(written);
        }
    }

    /** A phrase in both forms: as written, and folded. */
    public record Phrase(List<String> written, List<String> folded) {
        static Phrase of(String text) {
            List<String> written = Folding.words(Folding.clean(text));
            return new Phrase(written, written.stream().map(Folding::fold).toList());
        }
    }

    public static Synonyms empty() {
        return new Synonyms(Map.of(), 0);
    }

    /** Parses the file's text; problems are added to {@code problems} with their line. */
    public static Synonyms parse(String text, String file, List<CorpusProblem> problems) {
        Map<List<String>, Rule> rules = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            SourceLocation at = new SourceLocation(file, i + 1);
            boolean replaces = line.contains("=>");
            List<Phrase> keys = new ArrayList<>();
            List<Phrase> targets = new ArrayList<>();
            if (replaces) {
                String[] sides = line.split("=>", -1);
                if (sides.length != 2 || sides[0].isBlank()) {
                    problems.add(new CorpusProblem(at, "write 'abbreviation => full words', e.g. 'hc => hộ chiếu'"));
                    continue;
                }
                keys.addAll(phrases(sides[0]));
                if (!sides[1].isBlank()) { // nothing on the right: filler words that are ignored
                    targets.addAll(phrases(sides[1]));
                }
            } else {
                keys.addAll(phrases(line));
                targets.addAll(keys);
                if (keys.size() < 2) {
                    problems.add(new CorpusProblem(at, "a synonym line needs two or more words separated by commas"));
                    continue;
                }
            }
            if (keys.stream().anyMatch(p -> p.folded().isEmpty())
                    || targets.stream().anyMatch(p -> p.folded().isEmpty())) {
                problems.add(new CorpusProblem(at, "empty word in synonym line"));
                continue;
            }
            for (Phrase key : keys) {
                List<Phrase> alternatives = replaces
                        ? targets
                        : targets.stream()
                                .filter(t -> !t.folded().equals(key.folded()))
                                .toList();
                Rule previous = rules.get(key.folded());
                if (previous != null && previous.replaces() != replaces) {
                    problems.add(new CorpusProblem(
                            at,
                            "'" + String.join(" ", key.written()) + "' is already used as "
                                    + (previous.replaces() ? "an abbreviation" : "a synonym")));
                    continue;
                }
                List<Phrase> merged = new ArrayList<>(previous == null ? List.of() : previous.alternatives());
                alternatives.stream().filter(a -> !merged.contains(a)).forEach(merged::add);
                Set<List<String>> writtenKeys = new HashSet<>(previous == null ? Set.of() : previous.writtenKeys());
                writtenKeys.add(key.written());
                rules.put(key.folded(), new Rule(List.copyOf(merged), replaces, Set.copyOf(writtenKeys), List.of()));
            }
        }
        Map<List<String>, Rule> resolved = new HashMap<>();
        rules.forEach((key, rule) -> resolved.put(
                key, new Rule(rule.alternatives(), rule.replaces(), rule.writtenKeys(), searchAlso(rule, rules))));
        int longest = rules.keySet().stream().mapToInt(List::size).max().orElse(0);
        return new Synonyms(Map.copyOf(resolved), longest);
    }

    private static List<String> searchAlso(Rule rule, Map<List<String>, Rule> rules) {
        Rule equivalence = rule;
        if (rule.replaces()) { // "hc" stands for "hộ chiếu", so it searches what "hộ chiếu" does ("passport")
            equivalence = rule.alternatives().isEmpty()
                    ? null
                    : rules.get(rule.alternatives().get(0).folded());
        }
        if (equivalence == null || equivalence.replaces()) {
            return List.of();
        }
        return equivalence.alternatives().stream()
                .map(p -> String.join(" ", p.folded()))
                .distinct()
                .toList();
    }

    private static List<Phrase> phrases(String side) {
        List<Phrase> phrases = new ArrayList<>();
        for (String part : side.split(",")) {
            phrases.add(Phrase.of(part));
        }
        return phrases;
    }
}
