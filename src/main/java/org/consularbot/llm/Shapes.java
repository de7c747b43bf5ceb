package org.consularbot.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Boundaries and tests the redaction rules share, so that every rule agrees on where a word or a number ends. */
final class Shapes {

    private Shapes() {}

    // Words: no letter, digit or underscore (placeholders hold underscores) around.
    // Numbers: also no number running on through a separator ("1.000.000", "12/04").
    static final String WB = "(?<![\\p{L}\\p{N}_])";
    static final String WE = "(?![\\p{L}\\p{N}_])";
    static final String NB = "(?<![\\p{L}\\p{N}_+]|\\d[.,/-])";
    static final String NE = "(?![\\p{L}\\p{N}_]|[.,/-]\\d)";

    private static final Pattern MONEY_AFTER = Pattern.compile("\\s?(?:d|dong|vnd|usd|eur|euros?|cad|aud|gbp|jpy|krw"
            + "|cny|sgd|chf|yen|won|zl|do la|dollars?|bang|trieu|ty|nghin|ngan|k|[$€£¥₫])(?![\\p{L}\\p{N}])");
    private static final Pattern MONEY_BEFORE = Pattern.compile("(?:[$€£¥₫]|" + WB
            + "(?:usd|vnd|eur|cad|aud|gbp|phi|le phi|gia|tien|so tien|fee|fees|cost|price|amount))\\s?:?\\s?$");

    /** An amount: a currency right after it, or a fee word or currency right before. */
    static boolean isMoney(String f, int start, int end) {
        Matcher after = MONEY_AFTER.matcher(f).region(end, Math.min(f.length(), end + 16));
        Matcher before =
                MONEY_BEFORE.matcher(f).region(Math.max(0, start - 12), start).useTransparentBounds(true);
        return after.lookingAt() || before.find();
    }

    static int digits(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                count++;
            }
        }
        return count;
    }

    static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
