package org.consularbot.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the guard and the redactor read digits alike, so that what one counts as a number the other does too: a digit
 * of any script is its ASCII digit ("٠٩١٢", "𝟎𝟗"), and O, o, I, i, l or | typed beside a digit stand for 0 or 1
 * ("O9l2 345 678"). One character for one, so that callers keeping offsets can use it.
 */
final class Digits {

    private static final Pattern LOOK_ALIKE = Pattern.compile("(?<=\\d)[oOlIi|]|[oOlIi|](?=\\d)");

    private Digits() {}

    /** The ASCII digit of a digit of any script, or -1 when the code point is no digit. */
    static int ascii(int codePoint) {
        return Character.isDigit(codePoint) ? '0' + Character.digit(codePoint, 10) : -1;
    }

    /** The text with letters standing for digits beside a digit replaced: O and o by 0, the others by 1. */
    static String lookAlikesRead(String text) {
        Matcher m = LOOK_ALIKE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        do {
            char c = m.group().charAt(0);
            out.setCharAt(m.start(), c == 'o' || c == 'O' ? '0' : '1');
        } while (m.find());
        return out.toString();
    }
}
