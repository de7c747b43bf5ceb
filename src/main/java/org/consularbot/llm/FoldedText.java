package org.consularbot.llm;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import org.consularbot.faq.Folding;

/**
 * The folded copy of a text that the redactor matches on, with, for each of its characters, the range of the
 * original it came from, so that a match can be cut out of the original. Folding undoes what hides a number or a
 * word from a pattern: NFKC (full-width and styled letters and digits), any Unicode digit made ASCII, format
 * characters (zero-width, soft hyphen) dropped like a combining mark (they belong to the character before them),
 * diacritics removed, Cyrillic and Greek look-alikes replaced, and O or l standing for a digit inside a number.
 * {@code text} is lower case; {@code cased} has the same length and keeps the case, for names and addresses.
 */
record FoldedText(String original, String text, String cased, int[] from, int[] to) {

    static FoldedText of(String original) {
        StringBuilder lower = new StringBuilder(original.length());
        StringBuilder cased = new StringBuilder(original.length());
        int[] from = new int[original.length() + 16];
        int[] to = new int[original.length() + 16];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String piece = foldOne(cp);
            if (piece.isEmpty()) {
                if (lower.length() > 0) {
                    to[lower.length() - 1] = next;
                }
            } else {
                String lowerPiece = piece.toLowerCase(Locale.ROOT);
                // Same length in both copies, or one of them would map to the wrong original characters.
                String casedPiece = lowerPiece.length() == piece.length() ? piece : lowerPiece;
                if (lower.length() + lowerPiece.length() > from.length) {
                    from = Arrays.copyOf(from, from.length * 2 + lowerPiece.length());
                    to = Arrays.copyOf(to, to.length * 2 + lowerPiece.length());
                }
                for (int k = 0; k < lowerPiece.length(); k++) {
                    from[lower.length()] = i;
                    to[lower.length()] = next;
                    lower.append(lowerPiece.charAt(k));
                    cased.append(casedPiece.charAt(k));
                }
            }
            i = next;
        }
        String text = Folding.unconfuse(lower.toString());
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) != lower.charAt(k)) {
                cased.setCharAt(k, text.charAt(k));
            }
        }
        return new FoldedText(original, Digits.lookAlikesRead(text), Digits.lookAlikesRead(cased.toString()), from, to);
    }

    /** One code point folded: empty for marks and format characters, which belong to the character before. */
    private static String foldOne(int cp) {
        if (cp < 128) {
            return String.valueOf((char) cp);
        }
        if (Character.isSurrogate((char) cp) && Character.isBmpCodePoint(cp)) {
            return "?"; // an unpaired surrogate: no letter, no digit
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT) {
            return "";
        }
        if (Digits.ascii(cp) >= 0) {
            return String.valueOf((char) Digits.ascii(cp));
        }
        String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL) {
            return nfkc; // decomposed into jamo, a syllable would no longer match "로" or "호"
        }
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .forEach(c -> out.append(
                        Digits.ascii(c) >= 0 ? String.valueOf((char) Digits.ascii(c)) : Character.toString(c)));
        return Folding.fold(out.toString());
    }

    String rebuild(Collection<Claims.Span> spans) {
        StringBuilder out = new StringBuilder(original.length());
        int cursor = 0;
        for (Claims.Span span : spans) {
            if (!span.redacted()) {
                continue;
            }
            int start = Math.max(cursor, from[span.start()]);
            out.append(original, cursor, start).append(span.placeholder());
            cursor = Math.max(cursor, to[span.end() - 1]);
        }
        return out.append(original, cursor, original.length()).toString();
    }
}
