package org.consularbot.llm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.faq.Folding;
import org.consularbot.faq.Passage;

/**
 * Checks a generated answer before a citizen sees it: it must cite at least one of the passages it was given
 * (and no other), contain no number, amount, phone, e-mail or web address that the passages do not contain, make
 * no promise, not repeat the instructions, and be made mostly of the passages' own words. Anything else is
 * refused and the citizen gets the safe fallback: a wrong fee or phone number is worse than no answer.
 */
final class AnswerGuard {

    /** Why an answer was refused, or {@code ok}. */
    record Verdict(boolean accepted, String reason, Set<Integer> cited) {
        static Verdict refuse(String reason) {
            return new Verdict(false, reason, Set.of());
        }
    }

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*\\d{1,2}[.)]\\s");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile("(https?://|www\\.)[^\\s)\\]]+", Pattern.CASE_INSENSITIVE);
    /** Claims that must be in the passages to be made: price and certainty. Folded, space-padded. */
    private static final List<String> CLAIMS = List.of(" mien phi ", " free ", " khong mat phi ", " no fee ", " khong ton phi ");
    /** Promises the bot never makes, whatever the passages say. */
    private static final List<String> PROMISES = List.of(" guarantee", " dam bao ", " cam ket ", " chac chan ", " 100% ",
            " will be approved", " se duoc duyet", " se duoc cap", " i promise", " toi hua");
    private static final double MIN_GROUNDING = 0.6;

    private final int maxChars;
    private final String canary;

    AnswerGuard(int maxChars, String canary) {
        this.maxChars = maxChars;
        this.canary = canary;
    }

    Verdict check(String answer, List<Passage> passages, String question) {
        if (answer == null || answer.isBlank()) {
            return Verdict.refuse("empty");
        }
        if (answer.length() > maxChars) {
            return Verdict.refuse("too long (" + answer.length() + " characters)");
        }
        if (answer.contains(canary) || answer.contains("Internal marker") || answer.contains("<passages>")) {
            return Verdict.refuse("repeats its instructions");
        }
        Set<Integer> cited = new TreeSet<>();
        Matcher citation = CITATION.matcher(answer);
        while (citation.find()) {
            int n = Integer.parseInt(citation.group(1));
            if (n < 1 || n > passages.size()) {
                return Verdict.refuse("cites [" + n + "], which it was not given");
            }
            cited.add(n);
        }
        if (cited.isEmpty()) {
            return Verdict.refuse("cites no passage");
        }
        StringBuilder material = new StringBuilder();
        passages.forEach(p -> material.append(p.title()).append('\n').append(p.text()).append('\n').append(p.source()).append('\n'));
        String official = material.toString();
        String bare = LIST_MARKER.matcher(CITATION.matcher(answer).replaceAll(" ")).replaceAll(" ");
        for (Pattern pattern : List.of(EMAIL, URL)) {
            Matcher m = pattern.matcher(bare);
            while (m.find()) {
                if (!official.toLowerCase().contains(m.group().toLowerCase().replaceAll("[.,;]+$", ""))) {
                    return Verdict.refuse("gives an address not in the passages: " + m.group());
                }
            }
        }
        Set<String> officialNumbers = numbers(official);
        Matcher digits = DIGITS.matcher(bare);
        while (digits.find()) {
            if (!officialNumbers.contains(digits.group())) {
                return Verdict.refuse("states a number not in the passages: " + digits.group());
            }
        }
        String folded = words(bare);
        String foldedOfficial = words(official);
        for (String promise : PROMISES) {
            if (folded.contains(promise)) {
                return Verdict.refuse("makes a promise: " + promise.strip());
            }
        }
        for (String claim : CLAIMS) {
            if (folded.contains(claim) && !foldedOfficial.contains(claim)) {
                return Verdict.refuse("claims '" + claim.strip() + "', which the passages do not");
            }
        }
        double grounding = grounding(folded, foldedOfficial + words(question));
        if (grounding < MIN_GROUNDING) {
            return Verdict.refuse(String.format(java.util.Locale.ROOT, "only %.0f%% of its words are in the passages", grounding * 100));
        }
        return new Verdict(true, "ok", cited);
    }

    /** Lower case, no diacritics, words separated by single spaces, padded with a space at each end. */
    private static String words(String text) {
        return " " + Folding.fold(Folding.clean(text)).replaceAll("[^\\p{L}\\p{N}%]+", " ").strip() + " ";
    }

    private static Set<String> numbers(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    /** The share of the answer's words (two letters or more) that the passages or the question also use. */
    private static double grounding(String answer, String official) {
        Set<String> known = new HashSet<>(List.of(official.split(" ")));
        int words = 0;
        int found = 0;
        for (String word : answer.split(" ")) {
            if (word.length() < 2) {
                continue;
            }
            words++;
            if (known.contains(word)) {
                found++;
            }
        }
        return words == 0 ? 0 : (double) found / words;
    }
}
