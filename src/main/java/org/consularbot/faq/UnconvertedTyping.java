package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words typed for a Vietnamese input method that was switched off: Telex leaves its marks as letters ("hoir",
 * "chieeus", "ddi"), VNI as digits ("ho65", "d9i"). Such words match nothing, while the same words typed without
 * marks do, so they are turned into that plain syllable ("hoi", "chieu", "di"); the matcher folds diacritics
 * anyway. VNI is read word by word (a code such as "F6", "A1" or "H1B" does not decode to a syllable); Telex only in
 * a message that shows it beyond doubt, since "this", "has" or "how" would decode too.
 */
final class UnconvertedTyping {

    /** A whole word of Latin letters and digits, in cleaned (lower-case) text. */
    private static final Pattern WORD =
            Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}])[a-z][a-z0-9]*(?![\\p{L}\\p{N}\\p{M}])");

    /** An initial consonant as Vietnamese spells it: "ke", "ghe", "nghi", but "ca", "ga", "nga"; q only in "qu". */
    private static final String INITIAL = "(?:ngh(?=[eiy])|ng(?![eiy])|gh(?=[eiy])|gi|kh|nh|ph|th|tr|ch|qu"
            + "|k(?=[eiy])|c(?![eiy])|g(?!e)|[bdhlmnprstvx])?";

    /**
     * A rhyme without its marks: a vowel, perhaps after a glide (o, u) and before a final consonant or glide. The
     * diphthongs iê, yê, uô/ươ need a final ("chieu", "duoc"); "oo" is left out, being far more often Telex for ô
     * than the loanword "xoong".
     */
    private static final String RHYME = "(?:[ou]?a(?:[iouy]|ch|nh|ng|[cmnpt])?"
            + "|[ou]?e(?:[ou]|ch|nh|ng|[cmnpt])?"
            + "|i(?:[au]|ch|nh|[mnpt])?"
            + "|(?:i|u?y)e(?:u|ng|[cmnpt])"
            + "|uo(?:[iu]|ng|[cmnpt])"
            + "|o(?:i|ng|[cmnpt])?"
            + "|u(?:[aiu]|ng|[cmnpt])?"
            + "|u?y(?:[au]|ch|nh|[nt])?)";

    private static final Pattern SYLLABLE = Pattern.compile(INITIAL + RHYME);

    private static final Pattern FINAL_CONSONANT = Pattern.compile("(?:ch|nh|ng|[cmnpt])?");

    /** What may follow the w of ă or ơ: a glide, a final consonant, a tone ("owr", "vowis", "cawts"). */
    private static final Pattern AFTER_W = Pattern.compile("[iu]?(?:ch|nh|ng|[cmnpt])?[sfrxj]?");

    /** Doubled e or o as the whole vowel, as in English "see", "soon", "beer", "keeps": no sign of Telex alone. */
    private static final Pattern ENGLISH_LIKE_DOUBLE = Pattern.compile("(?:ee|oo)(?:[nmptrfs]|[nmpt]s)?");

    /** Telex is assumed when this many words carry a sign English and chat-style Vietnamese never show. */
    private static final int TELEX_EVIDENCE = 2;

    private static final int MAX_VNI_DIGITS = 4;

    /** A Telex word read as its plain syllable, and whether its marks could only be Telex ("chieeus", "hoj"). */
    record Telex(String plain, boolean unambiguous) {}

    private UnconvertedTyping() {}

    /** Cleaned text with VNI words, and Telex words when the message is Telex-typed, turned into plain syllables. */
    static String decode(String cleaned) {
        if (cleaned.isEmpty()) {
            return cleaned;
        }
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(cleaned);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        long evidence = words.stream()
                .map(UnconvertedTyping::telex)
                .flatMap(Optional::stream)
                .filter(Telex::unambiguous)
                .count();
        boolean telex = evidence >= TELEX_EVIDENCE;
        return WORD.matcher(cleaned)
                .replaceAll(word -> Matcher.quoteReplacement(vni(word.group())
                        .or(() -> telex ? telex(word.group()).map(Telex::plain) : Optional.empty())
                        .orElse(word.group())));
    }

    /** True for a Vietnamese syllable written without marks ("nguoi", "chieu", "quyen"), in lower case. */
    static boolean isSyllable(String word) {
        return SYLLABLE.matcher(word).matches();
    }

    /**
     * A word with VNI digits read as its syllable: "ho65" is "ho", "d9i" is "di". Each digit must follow what it
     * marks (a tone a vowel, 6 a, e or o, 7 o or u, 8 a, 9 the initial d), with one tone at most; a single letter with
     * a single digit is a code ("A1", "E7"), not a word.
     */
    static Optional<String> vni(String word) {
        StringBuilder letters = new StringBuilder(word.length());
        int tones = 0;
        int digits = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
                continue;
            }
            digits++;
            tones += c >= '1' && c <= '5' ? 1 : 0;
            boolean fits = switch (c) {
                case '1', '2', '3', '4', '5' -> tones == 1 && indexOfAny(letters, "aeiouy") >= 0;
                case '6' -> indexOfAny(letters, "aeo") >= 0;
                case '7' -> indexOfAny(letters, "ou") >= 0;
                case '8' -> indexOfAny(letters, "a") >= 0;
                case '9' -> letters.length() > 0 && letters.charAt(0) == 'd';
                default -> false;
            };
            if (!fits) {
                return Optional.empty();
            }
        }
        if (digits == 0 || digits > MAX_VNI_DIGITS || letters.length() == 1 && digits == 1) {
            return Optional.empty();
        }
        return isSyllable(letters.toString()) ? Optional.of(letters.toString()) : Optional.empty();
    }

    /**
     * A word with Telex marks read as its syllable, if it is no syllable as written and one after: "dd" is d, a
     * doubled a, e or o one vowel, w after a, o or u (or alone, for ư) a vowel mark, and one of s f r x j at the end
     * or before the final consonant a tone ("hoir", "tiesng").
     */
    static Optional<Telex> telex(String word) {
        if (!word.chars().allMatch(c -> c >= 'a' && c <= 'z') || isSyllable(word)) {
            return Optional.empty();
        }
        int firstVowel = indexOfAny(word, "aeiouyw");
        if (firstVowel < 0) {
            return Optional.empty(); // "j", "dc", "ntn": chat abbreviations, not syllables
        }
        String onset = word.substring(0, firstVowel);
        String rhyme = word.substring(firstVowel);
        boolean dd = onset.equals("dd");

        int tone = lastIndexOfAny(rhyme, "sfrxj");
        String afterTone = tone < 0 ? "" : rhyme.substring(tone + 1);
        if (tone >= 0 && !FINAL_CONSONANT.matcher(afterTone).matches()) {
            return Optional.empty(); // "visa", "major": a letter inside the word, not a mark
        }
        int w = rhyme.indexOf('w');
        boolean horn = rhyme.contains("uw") || w >= 0 && rhyme.contains("uo"); // ư, ươ
        if (w > 0 && !horn && !AFTER_W.matcher(rhyme.substring(w + 1)).matches()) {
            return Optional.empty(); // "power", "bowel": ă and ơ take no vowel after them
        }
        String toneless = tone < 0 ? rhyme : rhyme.substring(0, tone) + afterTone;
        StringBuilder vowels = new StringBuilder(toneless.length());
        for (int i = 0; i < toneless.length(); i++) {
            char c = toneless.charAt(i);
            if (c != 'w') {
                vowels.append(c);
            } else if (indexOfAny(vowels, "aou") < 0) {
                if (onset.isEmpty()) {
                    return Optional.empty(); // "we", "was": English, not ư
                }
                vowels.append('u');
            }
        }
        String plain = (dd ? "d" : onset)
                + vowels.toString().replace("aa", "a").replace("ee", "e").replace("oo", "o");
        if (plain.equals(word) || !isSyllable(plain)) {
            return Optional.empty();
        }
        return Optional.of(new Telex(plain, dd || horn || onlyTelex(rhyme, tone)));
    }

    /**
     * Whether the marks of a rhyme without ư or ươ could be nothing but Telex. English has "how", "town", "laws",
     * "see", "soon", "beer", "of", "car", "tax", "cats", "lost"; it has no "owr", "aa", "chieeu", final j, nor f, r
     * or x after a final consonant.
     */
    private static boolean onlyTelex(String rhyme, int tone) {
        int w = rhyme.indexOf('w');
        String afterW = w < 0 ? "" : rhyme.substring(w + 1);
        if (w >= 0
                && AFTER_W.matcher(afterW).matches()
                && !List.of("", "n", "s", "ns").contains(afterW)) {
            return true;
        }
        if (rhyme.contains("aa")
                || (rhyme.contains("ee") || rhyme.contains("oo"))
                        && !ENGLISH_LIKE_DOUBLE.matcher(rhyme).matches()) {
            return true;
        }
        if (tone < 0) {
            return false;
        }
        char mark = rhyme.charAt(tone);
        boolean afterFinal = tone > 0 && "cghmnpt".indexOf(rhyme.charAt(tone - 1)) >= 0;
        return mark == 'j' || mark != 's' && afterFinal; // "hanj", "lamf"; not a tone before the final ("lost")
    }

    private static int indexOfAny(CharSequence text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfAny(String text, String chars) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
