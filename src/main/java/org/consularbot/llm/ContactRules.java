package org.consularbot.llm;

import static org.consularbot.llm.Shapes.NB;
import static org.consularbot.llm.Shapes.NE;
import static org.consularbot.llm.Shapes.WB;
import static org.consularbot.llm.Shapes.WE;
import static org.consularbot.llm.Shapes.between;
import static org.consularbot.llm.Shapes.digits;
import static org.consularbot.llm.Shapes.isMoney;

import java.util.Collection;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Ways to reach a person: e-mail addresses (also spelt out to dodge spam filters), messenger handles and phone
 * numbers in any country's format, typed with digits or spelt in words. Public numbers (the embassy's hotline) are
 * set aside first: the model may need them and they identify no one.
 */
final class ContactRules {

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("(?<![\\p{L}\\p{N}_.%+-])[\\p{L}\\p{N}_%+-]+"
            + "(?:\\.[\\p{L}\\p{N}_%+-]+)*@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}" + WE);
    private static final String AT = "(?:\\s*(?:[(\\[{<]\\s*(?:at|a ?cong)\\s*[)\\]}>]|@)\\s*| (?:at|a ?cong) )";
    private static final String DOT = "(?:\\s*(?:[(\\[{<]\\s*(?:dot|cham)\\s*[)\\]}>]|\\.)\\s*| (?:dot|cham) )";
    /** An address spelt out ("ngocanh (at) gmail (dot) com", "thuhuong86 a còng gmail chấm com", "lan @ gmail . com"). */
    private static final Pattern SPELT_EMAIL = Pattern.compile("(?<![\\p{L}\\p{N}_.%+-])[a-z0-9_%+-]+(?:" + DOT
            + "[a-z0-9_%+-]+)*" + AT + "[a-z0-9-]+(?:" + DOT + "[a-z0-9-]+)*" + DOT
            + "(?:com|net|org|edu|gov|info|biz|io|me|vn|jp|kr|tw|de|fr|uk|us|ca|au|ru|pl|cz|it|es|nl|be|ch|se|sg|my"
            + "|th|cn|hk)" + WE);
    /** A messenger handle ("@tuan_le90"). */
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[a-z0-9_.]{2,30}[a-z0-9_]" + WE);

    private static final Pattern VN_PHONE_INTL =
            Pattern.compile(NB + "(?:\\(\\+84\\)|\\+84|0084)[ .-]?(?:\\(0\\)[ .-]?)?\\d(?:[ .-]?\\d){8,9}" + NE);
    private static final Pattern INTL_PHONE = Pattern.compile(NB + "(?:\\(\\+\\d{1,3}\\)|\\+\\d{1,3}|00\\d{1,3})"
            + "(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,5}){0,5}[ .-]?\\d{2,5}" + NE);
    private static final Pattern NA_PHONE_PAREN = Pattern.compile(WB + "\\(\\d{3}\\)[ .-]?\\d{3}[ .-]\\d{4}" + NE);
    private static final Pattern VN_PHONE = Pattern.compile(NB + "0\\d{1,3}(?:[ .-]?\\d{2,4}){2,3}" + NE);
    private static final Pattern NA_PHONE = Pattern.compile(NB + "\\d{3}([ .-])\\d{3}\\1\\d{4}" + NE);
    /** Last resort: any other run of 9 to 15 digits (spaces, dots or dashes between) that is not money is a phone or an account. */
    private static final Pattern LONG_NUMBER = Pattern.compile(NB + "\\+?\\d(?:[ .-]?\\d){8,14}" + NE);
    /** Anything that may be a public number, compared with them by its digits. */
    private static final Pattern PHONE_LIKE = Pattern.compile(
            NB + "(?:\\(\\+?\\d{1,3}\\)|\\+\\d{1,3}|00\\d{1,3})?" + "(?:[ .-]?\\(0\\))?(?:[ .-]?\\d){7,12}" + NE);

    private static final String DIGIT_WORD = "(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|linh|zero|oh|one|two"
            + "|three|four|five|six|seven|eight|nine|double|triple)";
    /** A number read out in words, maybe mixed with digits ("không chín một hai ...", "09 một hai ba bốn 5678"). */
    private static final Pattern SPELT_NUMBER =
            Pattern.compile(WB + "(?:" + DIGIT_WORD + "|\\d+)(?:[\\s,.-]+(?:" + DIGIT_WORD + "|\\d+))+" + WE);

    private static final Pattern TOKEN_SEPARATOR = Pattern.compile("[\\s,.-]+");

    private final List<String> publicNumbers;

    /** @param publicNumbers in international form ("+84 981 84 84 84"); only their digits count */
    ContactRules(Collection<String> publicNumbers) {
        this.publicNumbers = publicNumbers.stream()
                .map(n -> n.replaceAll("\\D", "").replaceFirst("^00", ""))
                .filter(n -> !n.isEmpty())
                .toList();
    }

    /** Keeps public numbers out of every later rule. */
    void keepPublic(String f, Claims claims) {
        if (!publicNumbers.isEmpty()) {
            claims.claim(f, PHONE_LIKE, null, this::isPublic);
        }
    }

    private boolean isPublic(MatchResult m) {
        String written = m.group().replace("(0)", "");
        String number = written.replaceAll("\\D", "").replaceFirst("^00", "");
        boolean national = written.startsWith("0") && !written.startsWith("00");
        for (String known : publicNumbers) {
            if (number.equals(known)) {
                return true;
            }
            // "0981 84 84 84" is "+84 981 84 84 84" dialled at home: the country code (one to three digits) dropped.
            if (national
                    && known.endsWith(number.substring(1))
                    && between(known.length() - number.length() + 1, 1, 3)) {
                return true;
            }
        }
        return false;
    }

    void emails(String f, Claims claims) {
        if (f.indexOf('@') >= 0) {
            claims.claim(f, EMAIL_ADDRESS, Redactor.EMAIL, m -> true);
            claims.claim(f, HANDLE, Redactor.EMAIL, m -> true);
        }
        claims.claim(f, SPELT_EMAIL, Redactor.EMAIL, m -> true);
    }

    void phones(String f, Claims claims) {
        claims.claim(f, VN_PHONE_INTL, Redactor.PHONE, m -> true);
        claims.claim(f, INTL_PHONE, Redactor.PHONE, m -> between(digits(m.group()), 8, 17));
        claims.claim(f, NA_PHONE_PAREN, Redactor.PHONE, m -> true);
        claims.claim(f, VN_PHONE, Redactor.PHONE, m -> between(digits(m.group()), 10, 11));
        claims.claim(f, NA_PHONE, Redactor.PHONE, m -> !isMoney(f, m.start(), m.end()));
        claims.claim(f, LONG_NUMBER, Redactor.PHONE, m -> !isMoney(f, m.start(), m.end()));
        claims.claim(f, SPELT_NUMBER, Redactor.PHONE, m -> speltDigits(m) >= 9);
        claims.claim(f, SPELT_NUMBER, Redactor.ID_NO, m -> speltDigits(m) >= 7); // "C, số một hai ... bảy"
    }

    /** The digits of a number read out, 0 unless three are spelt: "hai ba năm 2020" is no number read out. */
    private static int speltDigits(MatchResult m) {
        int spelt = 0;
        int total = 0;
        int times = 1;
        for (String token : TOKEN_SEPARATOR.split(m.group())) {
            if (token.isEmpty()) {
                continue;
            }
            if (Character.isDigit(token.charAt(0))) {
                total += token.length();
            } else if (token.equals("double") || token.equals("triple")) {
                times = token.equals("double") ? 2 : 3;
                continue;
            } else {
                spelt++;
                total += times;
            }
            times = 1;
        }
        return spelt >= 3 ? total : 0;
    }
}
