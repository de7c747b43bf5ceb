package org.consularbot.faq;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Unicode clean-up shared by indexing and querying: NFC, lower case, invisible characters removed, and the
 * diacritic-free ("folded") form citizens type on keyboards without Vietnamese input (đ becomes d).
 */
public final class Folding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Folding() {}

    /**
     * NFKC (full-width and styled letters and digits become plain ones), lower case; format characters (soft
     * hyphen, zero-width, bidi controls) removed, since they hide a word without separating it ("b\u00ADắt" is
     * "bắt"); other controls turned to spaces; Latin look-alikes from Cyrillic or Greek replaced inside words that
     * also have Latin letters ("bị bắt" spelt with a Cyrillic "і").
     */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.FORMAT) {
                return;
            }
            boolean invisible = type == Character.CONTROL
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED;
            out.appendCodePoint(invisible ? ' ' : cp);
        });
        // NFC again: a removed format character may have stood between a letter and its mark.
        return Normalizer.normalize(unconfuse(out.toString().toLowerCase(Locale.ROOT)), Normalizer.Form.NFC);
    }

    private static final String LOOK_ALIKES = "аеорсухіјѕԁӏοαειкνρτυχһԛԝ";
    private static final String LATIN = "aeopcyxijsdloaeikvptuxhqw";

    /**
     * Replaces Cyrillic and Greek look-alike letters in words that mix them with Latin letters; one character for
     * one, so that callers keeping offsets (the redactor's folded text) can use it too.
     */
    public static String unconfuse(String text) {
        boolean suspicious = false;
        for (int i = 0; i < text.length() && !suspicious; i++) {
            suspicious = LOOK_ALIKES.indexOf(text.charAt(i)) >= 0;
        }
        if (!suspicious) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String word : text.split("(?<=\\s)|(?=\\s)")) {
            boolean latin = word.chars().anyMatch(c -> c < 0x250 && Character.isLetter(c));
            if (!latin) {
                out.append(word);
                continue;
            }
            for (int i = 0; i < word.length(); i++) {
                int at = LOOK_ALIKES.indexOf(word.charAt(i));
                out.append(at >= 0 ? LATIN.charAt(at) : word.charAt(i));
            }
        }
        return out.toString();
    }

    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    /**
     * A word with its tone mark moved to the end, so the two spellings in use compare equal: "khoẻ" and "khỏe",
     * "hoà" and "hòa" ("oẻ" placed on the e or the o). Vowel marks (ă â ê ô ơ ư) stay where they are.
     */
    public static String toneKey(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(decomposed.length());
        StringBuilder tones = new StringBuilder(1);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            (TONE_MARKS.indexOf(c) >= 0 ? tones : base).append(c);
        }
        return Normalizer.normalize(base, Normalizer.Form.NFC) + tones;
    }

    /** Removes diacritics: "hộ chiếu" and "Đà Nẵng" become "ho chieu" and "da nang". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return stripped.replace('đ', 'd').replace('Đ', 'D');
    }

    /** Splits cleaned text into words of letters and digits; everything else separates. */
    public static List<String> words(String cleaned) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            // A combining mark belongs to the letter before it; alone (the U+FE0F after an emoji) it is no word.
            boolean wordChar =
                    Character.isLetterOrDigit(cp) || start >= 0 && Character.getType(cp) == Character.NON_SPACING_MARK;
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(cleaned.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(cleaned.substring(start));
        }
        return words;
    }

    /** True when the text carries Latin letters with diacritics (Vietnamese tone marks, ă â ê ô ơ ư, đ). */
    public static boolean hasVietnameseMarks(String cleaned) {
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c > 127 && Character.isLetter(c)) {
                String folded = fold(String.valueOf(c));
                if (folded.length() == 1 && folded.charAt(0) < 128) {
                    return true;
                }
            }
        }
        return false;
    }
}
