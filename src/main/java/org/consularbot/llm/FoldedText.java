package org.consularbot.llm;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import org.consularbot.faq.Folding;

/**
 * The lower-cased, diacritic-free copy of a text with, for each of its characters, the range of the original
 * it came from (a combining mark belongs to the letter before it).
 */
record FoldedText(String original, String text, int[] from, int[] to) {

    static FoldedText of(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        int[] from = new int[original.length() + 16];
        int[] to = new int[original.length() + 16];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String piece = foldOne(cp);
            if (piece.isEmpty()) {
                if (folded.length() > 0) {
                    to[folded.length() - 1] = next;
                }
            } else {
                if (folded.length() + piece.length() > from.length) {
                    from = Arrays.copyOf(from, from.length * 2 + piece.length());
                    to = Arrays.copyOf(to, to.length * 2 + piece.length());
                }
                for (int k = 0; k < piece.length(); k++) {
                    from[folded.length()] = i;
                    to[folded.length()] = next;
                    folded.append(piece.charAt(k));
                }
            }
            i = next;
        }
        return new FoldedText(original, folded.toString(), from, to);
    }

    private static String foldOne(int cp) {
        if (cp < 128) {
            return String.valueOf(Character.toLowerCase((char) cp));
        }
        if (Character.isSurrogate((char) cp) && Character.isBmpCodePoint(cp)) {
            return "?"; // an unpaired surrogate: no letter, no digit
        }
        return Folding.fold(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
    }

    String rebuild(Collection<Redactor.Span> spans) {
        StringBuilder out = new StringBuilder(original.length());
        int cursor = 0;
        for (Redactor.Span span : spans) {
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
