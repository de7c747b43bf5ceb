package org.consularbot.llm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.faq.Folding;
import org.consularbot.faq.Passage;

/**
 * Checks a generated answer before a citizen sees it: it must cite at least one of the passages it was given (and
 * no other); every number (whole, separators included, in any script or spelt out with a unit), e-mail, web
 * address or domain in it must be in the passages it cites; it makes no promise, says "free" only where they do,
 * does not repeat its instructions, and is made mostly of the cited passages' own words. Anything else is refused
 * and the citizen gets the safe fallback: a wrong fee or phone number is worse than no answer.
 */
final class AnswerGuard {

    /** Why an answer was refused, or {@code ok}. Reasons never quote the answer (it may hold personal data). */
    record Verdict(boolean accepted, String reason, Set<Integer> cited) {
        static Verdict refuse(String reason) {
            return new Verdict(false, reason, Set.of());
        }
    }

    private static final Pattern CITATION = Pattern.compile("\\[(\\p{Nd}{1,2})]");
    /** A whole number: digit groups joined by one separator (space, dot, comma, slash, colon, dash). */
    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}+(?:[ .,/:-]\\p{Nd}+)*");

    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*(\\d{1,2})[.)]\\s");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)(?<![\\w@.-])(?:https?://)?((?:[a-z0-9-]+\\.)+(?:vn|com|org|net|gov|ca|info|io|edu|int|biz|us|uk|de|fr|au|jp|kr))\\b[^\\s)\\]]*");
    private static final Pattern URL = Pattern.compile("(?i)(https?://|www\\.)[^\\s)\\]]+");
    private static final Pattern SPELT_ADDRESS = Pattern.compile("(?i)\\b(at|a còng)\\s+\\S+\\s+(dot|chấm)\\s+\\w+");
    private static final Pattern NUMBER_WORD_WITH_UNIT =
            Pattern.compile("\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    + "fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|khong|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|"
                    + "tram|nghin|ngan|trieu|ty) (dollars?|usd|cad|euros?|dong|do|vnd|days?|weeks?|months?|years?|hours?|minutes?|ngay|tuan|thang|"
                    + "nam|gio|phut|lan)\\b");
    /** Claims that must be in the cited passages to be made. Folded, space-padded. */
    private static final List<String> CLAIMS = List.of(
            " mien phi ",
            " free ",
            " khong mat phi ",
            " no fee ",
            " khong ton phi ",
            " khong thu phi ",
            " without charge ");
    /** Promises the bot never makes, whatever the passages say. */
    private static final List<String> PROMISES = List.of(
            " guarantee",
            " dam bao ",
            " cam ket ",
            " chac chan ",
            " 100% ",
            " will be approved",
            " se duoc duyet",
            " se duoc cap",
            " i promise",
            " toi hua");

    private static final double MIN_GROUNDING = 0.6;
    private static final int LEAK_NGRAM = 6;

    private final int maxChars;
    private final String canary;
    private final Set<String> instructionNgrams = new HashSet<>();

    /** @param instructions the system prompts the model gets: an answer sharing six words in a row with them is a leak */
    AnswerGuard(int maxChars, String canary, List<String> instructions) {
        this.maxChars = maxChars;
        this.canary = canary.toLowerCase(Locale.ROOT);
        for (String text : instructions) {
            instructionNgrams.addAll(ngrams(words(text)));
        }
    }

    Verdict check(String answer, List<Passage> passages) {
        if (answer == null || answer.isBlank()) {
            return Verdict.refuse("empty");
        }
        if (answer.length() > maxChars) {
            return Verdict.refuse("too long (" + answer.length() + " characters)");
        }
        String lower = answer.toLowerCase(Locale.ROOT);
        if (leaksMarker(lower)
                || lower.contains("no_answer")
                || lower.contains("<passages>")
                || lower.contains("<question>")) {
            return Verdict.refuse("repeats its instructions");
        }
        String folded = words(answer);
        if (ngrams(folded).stream().anyMatch(instructionNgrams::contains)) {
            return Verdict.refuse("repeats its instructions");
        }
        Set<Integer> cited = new TreeSet<>();
        Matcher citation = CITATION.matcher(answer);
        while (citation.find()) {
            int n = digitsOf(citation.group(1)).isEmpty() ? 0 : Integer.parseInt(digitsOf(citation.group(1)));
            if (n < 1 || n > passages.size()) {
                return Verdict.refuse("cites [" + n + "], which it was not given");
            }
            cited.add(n);
        }
        if (cited.isEmpty()) {
            return Verdict.refuse("cites no passage");
        }
        StringBuilder material = new StringBuilder();
        for (int n : cited) {
            Passage p = passages.get(n - 1);
            material.append(p.title())
                    .append('\n')
                    .append(p.text())
                    .append('\n')
                    .append(p.source())
                    .append('\n');
        }
        String official = material.toString();
        String officialLower = official.toLowerCase(Locale.ROOT);
        String bare = withoutListMarkers(CITATION.matcher(answer).replaceAll(" "));
        if (SPELT_ADDRESS.matcher(bare).find()) {
            return Verdict.refuse("spells out an address");
        }
        Matcher email = EMAIL.matcher(bare);
        while (email.find()) {
            if (!officialLower.contains(email.group().toLowerCase(Locale.ROOT))) {
                return Verdict.refuse("gives an e-mail address not in the cited passages");
            }
        }
        Matcher url = URL.matcher(bare);
        while (url.find()) {
            String address = url.group()
                    .replaceAll("[.,;:]+$", "")
                    .replaceFirst("(?i)^https?://", "")
                    .toLowerCase(Locale.ROOT);
            if (!officialLower.contains(address)) {
                return Verdict.refuse("gives a web address not in the cited passages");
            }
        }
        Matcher domain = DOMAIN.matcher(bare.replaceAll(EMAIL.pattern(), " "));
        while (domain.find()) {
            String address = domain.group()
                    .replaceAll("[.,;:]+$", "")
                    .replaceFirst("(?i)^https?://", "")
                    .toLowerCase(Locale.ROOT);
            if (!officialLower.contains(address)) {
                return Verdict.refuse("gives a web address not in the cited passages");
            }
        }
        Set<String> officialNumbers = numbers(official);
        for (String number : numbers(bare)) {
            if (!officialNumbers.contains(number)) {
                return Verdict.refuse("states a number not in the cited passages");
            }
        }
        String foldedOfficial = words(official);
        Matcher spelt = NUMBER_WORD_WITH_UNIT.matcher(folded);
        while (spelt.find()) {
            if (!foldedOfficial.contains(" " + spelt.group() + " ")) {
                return Verdict.refuse("spells out a quantity not in the cited passages");
            }
        }
        for (String promise : PROMISES) {
            if (folded.contains(promise)) {
                return Verdict.refuse("makes a promise");
            }
        }
        for (String claim : CLAIMS) {
            if (folded.contains(claim) && !foldedOfficial.contains(claim)) {
                return Verdict.refuse("claims '" + claim.strip() + "', which the cited passages do not");
            }
        }
        double grounding = grounding(folded, foldedOfficial);
        if (grounding < MIN_GROUNDING) {
            return Verdict.refuse(
                    String.format(Locale.ROOT, "only %.0f%% of its words are in the cited passages", grounding * 100));
        }
        return new Verdict(true, "ok", cited);
    }

    /** The marker, in any case, or any 8 characters of its random part. */
    private boolean leaksMarker(String lower) {
        if (lower.contains(canary)) {
            return true;
        }
        String random = canary.replaceAll("[^a-f0-9]", "");
        String digitsAndLetters = lower.replaceAll("[^a-f0-9]", "");
        for (int i = 0; i + 8 <= random.length(); i += 4) {
            if (digitsAndLetters.contains(random.substring(i, i + 8))) {
                return true;
            }
        }
        return false;
    }

    /** List numbering ("1. ", "2. ", "3. " at line starts, in sequence) is layout, not a fact; other numbers stay. */
    private static String withoutListMarkers(String text) {
        Matcher m = LIST_MARKER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        int expected = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != expected++) {
                return text;
            }
            spans.add(new int[] {m.start(1), m.end(1) + 1});
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = spans.size() - 1; i >= 0; i--) {
            out.replace(spans.get(i)[0], spans.get(i)[1], " ");
        }
        return out.toString();
    }

    /** Whole numbers as digit strings (ASCII, separators dropped): "30.000.000" is one number, not three. */
    private static Set<String> numbers(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(digitsOf(m.group()));
        }
        return numbers;
    }

    private static String digitsOf(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(Character::isDigit).forEach(cp -> out.append(Character.digit(cp, 10)));
        return out.toString();
    }

    /** Lower case, no diacritics, words separated by single spaces, padded with a space at each end. */
    static String words(String text) {
        return " "
                + Folding.fold(Folding.clean(text))
                        .replaceAll("[^\\p{L}\\p{N}%]+", " ")
                        .strip() + " ";
    }

    private static Set<String> ngrams(String words) {
        String[] w = words.strip().split(" ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + LEAK_NGRAM <= w.length; i++) {
            out.add(String.join(" ", Arrays.copyOfRange(w, i, i + LEAK_NGRAM)));
        }
        return out;
    }

    /** The share of the answer's words (two letters or more) that the cited passages also use. */
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
