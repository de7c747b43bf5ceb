package org.consularbot.llm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.faq.Folding;
import org.consularbot.faq.Passage;

/**
 * Checks a generated answer before a citizen sees it, as an allowlist: it must cite at least one of the passages it
 * was given (and no other); every number, address, handle and messaging service in it, however written (see {@link
 * GroundedFacts}), must be in the passages it cites; it claims "free" or asks for a payment or a code only where
 * they do; it makes no promise, never speaks as an officer, does not repeat its instructions; and it is made of the
 * cited passages' own words, as a whole (60 % of its words) and sentence by sentence (half the words of every
 * sentence of four words or more), so one smuggled sentence fails alone. Anything else is refused and the citizen
 * gets the safe fallback: a wrong fee or phone number is worse than no answer.
 */
final class AnswerGuard {

    /** Why an answer was refused, or {@code ok}. Reasons never quote the answer (it may hold personal data). */
    record Verdict(boolean accepted, String reason, Set<Integer> cited) {
        static Verdict refuse(String reason) {
            return new Verdict(false, reason, Set.of());
        }
    }

    private static final Pattern CITATION = Pattern.compile("\\[(\\p{Nd}{1,2})]");
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*(\\d{1,2})[.)]\\s");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\s*\\n\\s*");
    private static final Pattern NUMBER_WORD_WITH_UNIT =
            Pattern.compile("\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    + "fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|khong|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|"
                    + "tram|nghin|ngan|trieu|ty) (dollars?|usd|cad|euros?|dong|do|vnd|days?|weeks?|months?|years?|hours?|minutes?|ngay|tuan|thang|"
                    + "nam|gio|phut|lan)\\b");
    /**
     * Claims an answer may make only where a cited passage makes one of the same kind, matched on folded words: that
     * something costs nothing, and that money, codes or passwords be sent somewhere.
     */
    private static final Map<String, Pattern> CLAIMS = Map.of(
            "free",
            Pattern.compile(
                    " (mien phi|free|free of charge|khong (mat|ton|thu|phai tra|can tra|phai dong|phai nop|phai chi)"
                            + " (phi|tien|dong|xu|gi|chi phi)|khong mat dong nao|no fee|no fees|no charge|without charge|at no cost"
                            + "|costs? nothing|pay nothing|(don t|do not|won t|will not|never) (have to |need to )?pay|no need to pay"
                            + "|chi phi do [a-z ]{0,20}chiu|(dai su quan|dsq|embassy) (se )?(chiu|tra|covers?|pays?|will pay))( |$)"),
            "to ensure something (\"đảm bảo\" also means a promise)",
            Pattern.compile(" (dam bao|bao dam)( |$)"),
            "a payment or a secret",
            Pattern.compile(
                    " (otp|mat khau|password|passcode|ma (xac nhan|xac thuc|otp)|verification code|chuyen khoan"
                            + "|bank transfer|wire transfer|western union|moneygram|paypal|gui tien|nap tien|the cao|send money"
                            + "|so tai khoan|stk|account number|bitcoin|crypto|usdt|momo|thanh toan qua|pay (via|by|to|through))( |$)"));
    /** Promises the bot never makes, whatever the passages say. */
    private static final Pattern PROMISE = Pattern.compile(" (guarantee[ds]?|cam ket|chac chan|100%|will be approved"
            + "|will definitely|definitely|for sure|certainly|no doubt|i promise|i assure|assure you|rest assured|yen tam"
            + "|nhat dinh|khong lo|se duoc (duyet|cap|chap thuan|giai quyet ngay)|fast track|express service|lam nhanh"
            + "|lam gap|bao dau|bao do)( |$)");
    /** "cannot guarantee", "cannot override the law or guarantee", "không thể chắc chắn": a denied promise is none. */
    private static final Pattern DENIAL =
            Pattern.compile("(?:^| )(cannot|can t|not|never|no|khong|chua)(?: \\S+){0,4} $");

    /** The bot never speaks as an officer: it complements them. */
    private static final Pattern IMPERSONATION = Pattern.compile(
            " ((toi|em|minh|chung toi) la (mot )?(can bo|lanh su"
                    + "|dai su|nhan vien|vien chuc|tong lanh su|pho lanh su)|(i am|i m|this is|speaking as|as) (the |a |an |your )?"
                    + "(consul|consular officer|duty officer|officer|ambassador|embassy staff|consul general|vice consul))( |$)");

    /** Of the answer's words (two letters or more), the share the cited passages must also use. */
    private static final double MIN_GROUNDING = 0.6;
    /**
     * A sentence is refused when more than half of its content words (function words set aside, a final "s" ignored)
     * are not in the cited passages, and at least {@value #MIN_SENTENCE_UNKNOWN} of them: one smuggled sentence fails
     * alone, however many "the", "you" and "của" carry it, while a short frame ("Theo thông tin chính thức:") does
     * not sink a quoted sentence. Measured: every passage of the corpus quoted with such a frame passes
     * ({@code AnswerGuardAllowsTest}), every attack of the suite fails ({@code PromptInjectionTest}).
     */
    private static final double MIN_SENTENCE_GROUNDING = 0.5;

    private static final int MIN_SENTENCE_UNKNOWN = 5;
    /** Function words of English and (folded) Vietnamese: they ground nothing. */
    private static final Set<String> FUNCTION_WORDS =
            Set.copyOf(List.of(("the a an and or of to in on at for from by with is are was"
                            + " were be been being it its this that these those you your we our us me my he she they them their his"
                            + " her as if so but not no can cannot could will would should may might must do does did have has had"
                            + " there here what which who when where why how all any each some such than then too very just also"
                            + " into about over under after before until while during up out only own same other more most"
                            + " va cua la co khong duoc cho cac nhung voi de thi ban toi em anh chi nay do khi neu mot da se dang"
                            + " trong ra vao tai tu ve theo cung nhu hoac hay rat nao gi ai minh chung ho lai con nua roi vay nhe"
                            + " nha day kia ay")
                    .split(" ")));

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
        String bare = withoutListMarkers(CITATION.matcher(answer).replaceAll(" "));
        Optional<String> unfound = GroundedFacts.of(bare).unfoundIn(GroundedFacts.of(official), bare);
        if (unfound.isPresent()) {
            return Verdict.refuse(unfound.get());
        }
        String foldedOfficial = words(official);
        Matcher spelt = NUMBER_WORD_WITH_UNIT.matcher(folded);
        while (spelt.find()) {
            if (!foldedOfficial.contains(" " + spelt.group() + " ")) {
                return Verdict.refuse("spells out a quantity not in the cited passages");
            }
        }
        if (makesAPromise(folded)) {
            return Verdict.refuse("makes a promise");
        }
        if (IMPERSONATION.matcher(folded).find()
                && !IMPERSONATION.matcher(foldedOfficial).find()) {
            return Verdict.refuse("speaks as an officer");
        }
        for (Map.Entry<String, Pattern> claim : CLAIMS.entrySet()) {
            if (claim.getValue().matcher(folded).find()
                    && !claim.getValue().matcher(foldedOfficial).find()) {
                return Verdict.refuse("claims " + claim.getKey() + ", which the cited passages do not");
            }
        }
        Set<String> known = new HashSet<>(List.of(foldedOfficial.split(" ")));
        double grounding = grounding(folded, known);
        if (grounding < MIN_GROUNDING) {
            return Verdict.refuse(
                    String.format(Locale.ROOT, "only %.0f%% of its words are in the cited passages", grounding * 100));
        }
        Set<String> knownStems = new HashSet<>();
        known.forEach(word -> knownStems.add(stem(word)));
        for (String sentence : SENTENCE_END.split(bare)) {
            List<String> content = contentWords(sentence);
            long grounded = content.stream().filter(knownStems::contains).count();
            long unknown = content.size() - grounded;
            if (unknown >= MIN_SENTENCE_UNKNOWN && unknown > content.size() * (1 - MIN_SENTENCE_GROUNDING)) {
                return Verdict.refuse("a sentence is mostly in words the cited passages do not use");
            }
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

    /** The share of the text's words (two letters or more) that the cited passages also use. */
    private static double grounding(String words, Set<String> known) {
        int total = 0;
        int found = 0;
        for (String word : words.split(" ")) {
            if (word.length() < 2) {
                continue;
            }
            total++;
            if (known.contains(word)) {
                found++;
            }
        }
        return total == 0 ? 1 : (double) found / total;
    }

    /** The sentence's words of two letters or more that are no function words, as stems. */
    private static List<String> contentWords(String sentence) {
        List<String> content = new ArrayList<>();
        for (String word : words(sentence).strip().split(" ")) {
            if (word.length() >= 2 && !FUNCTION_WORDS.contains(word)) {
                content.add(stem(word));
            }
        }
        return content;
    }

    private static boolean makesAPromise(String folded) {
        Matcher promise = PROMISE.matcher(folded);
        while (promise.find()) {
            String before = folded.substring(Math.max(0, promise.start() - 40), promise.start() + 1);
            if (!DENIAL.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    /** "names" and "name", "flights" and "flight" ground each other. */
    private static String stem(String word) {
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }
}
