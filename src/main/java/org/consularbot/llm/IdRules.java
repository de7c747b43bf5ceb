package org.consularbot.llm;

import static org.consularbot.llm.Shapes.NB;
import static org.consularbot.llm.Shapes.NE;
import static org.consularbot.llm.Shapes.WB;
import static org.consularbot.llm.Shapes.WE;
import static org.consularbot.llm.Shapes.between;
import static org.consularbot.llm.Shapes.digits;
import static org.consularbot.llm.Shapes.isMoney;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document and account numbers: Vietnamese passports however they are grouped, machine-readable passport lines,
 * the ID numbers of the countries citizens live in (found after the card's name), IBANs, card and account
 * numbers, and, last, any other long code of letters and digits. A citizen's ID number leaks the person as surely
 * as a name, so anything shaped like one goes.
 */
final class IdRules {

    /** Vietnamese passports: one letter and seven digits, however spaced ("C1234567", "B 123 4567", "C.1234.567"). */
    private static final Pattern VN_PASSPORT =
            Pattern.compile(NB + "[a-z][ .-]?\\d(?:[ .]?\\d){6}(?![\\p{L}\\p{N}_]|[ .,/-]\\d)");
    /** The machine-readable line of a passport ("C1234567<8VNM9004123F3001015<<<<<<<<<<<<<<00"). */
    private static final Pattern MRZ = Pattern.compile("(?<![a-z0-9<])[a-z0-9<]{25,44}(?![a-z0-9<])");
    /** Other countries' formats need the word "passport" (or "hộ chiếu", "số HC") shortly before. */
    private static final Pattern CUED_PASSPORT = Pattern.compile(WB
            + "(?:so ho chieu|ho chieu|passport(?: number| no\\.?| #)?|so hc|hc|pp no\\.?)"
            + "[^\\d@\\[\\]\\n]{0,25}?(" + NB + "(?:[a-z]{1,2} ?\\d{6,8}|\\d{8,9})" + NE + ")");

    /**
     * A code after the name of an ID card, on the cased text: digit groups with letters before, between or after
     * ("QQ 12 34 56 C", "12 120490 N 567", "45 12 № 345678", "900412/1234"); a lower-case word ends it.
     */
    private static final String CHAIN = "(?<![\\p{L}\\p{N}_])((?:\\p{Lu}{1,3}[ -]?|[A-Za-z]{1,3}-?)?\\d[A-Za-z0-9]*"
            + "(?:[ ./-](?:(?:\\p{Lu}{1,2}|No)\\.? )?[A-Za-z0-9]*\\d[A-Za-z0-9]*)*(?: \\p{Lu}{1,2}(?![\\p{L}\\p{N}]))?)";

    private static final Pattern CUED_PASSPORT_CODE = Pattern.compile(
            WB + "(?iu:reisepass|загранпаспорт|passeport|pasaporte|passaporto)(?![\\p{L}\\p{N}])[^\\d\\n@\\[\\]]{0,30}?"
                    + CHAIN);
    private static final Pattern CUED_ID = Pattern.compile(WB + "(?iu:cccd|cmnd|can cuoc(?: cong dan)?|citizen id"
            + "|id card|id no\\.?|id number|ssn|sin|tfn|tax file number|pesel|my number|マイナンバー|bhxh|ma so thue"
            + "|mst|tax code|tax id|bang lai(?: xe)?|driv\\w* licen[cs]e|a-number|alien number|arc|zairyu(?: card)?"
            + "|residence card|residence permit|the cu tru|the nguoi nuoc ngoai|외국인등록번호|visa(?: foil)?"
            + "(?: number| no\\.?)?|rodne cislo|securite sociale|insurance number|sozialversicherungsnummer"
            + "|aufenthaltstitel|personalausweis|паспорт|серия|nie|nif|dni|bsn)(?![\\p{L}\\p{N}])"
            + "[^\\d\\n@\\[\\]]{0,30}?" + CHAIN);

    /** IBANs; the second letter may have been read as a digit ("pl61" folds to "p161"). */
    private static final Pattern IBAN = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])[a-z][a-z0-9]\\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?(?![\\p{L}\\p{N}_])");

    private static final Pattern CARD =
            Pattern.compile(NB + "(?:\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,4}(?:\\1\\d{1,3})?|\\d{16})" + NE);
    /** Words that announce a bank account; the numbers of five digits or more in the next few words are the account. */
    private static final Pattern ACCOUNT_CUE = Pattern.compile(WB + "(?:so tai khoan|tai khoan|so tk|stk|account"
            + "(?: no\\.?| number)?|acct|konto|nr konta|kontonummer|compte|routing|sort code|bsb)" + WE
            + "|口座|記号|番号");

    private static final Pattern ACCOUNT_NUMBER =
            Pattern.compile("(?<![\\p{L}\\p{N}_])\\d(?:[ -]?\\d){4,}(?![\\p{L}\\p{N}_])");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?:\\s|$)|\\n");
    private static final int ACCOUNT_WINDOW = 50;

    /**
     * CCCD (12 digits) and CMND (9 digits), bare or in groups ("001 203 004 567", "123.456.789"); not the tail of a
     * longer number ("07 700 900 789" is a phone).
     */
    private static final Pattern ID_NUMBER = Pattern.compile(NB
            + "(?<!(?:\\+|00)\\d{1,3}[ .-]?|\\(\\+?\\d{1,3}\\)[ .-]?|\\d )(?:\\d{12}|\\d{3}([ .])\\d{3}\\1\\d{3}\\1\\d{3}"
            + "|\\d{4}([ .])\\d{4}\\2\\d{4}|\\d{9}|\\d{3}([ .])\\d{3}\\3\\d{3})" + NE);

    /** Any other code of seven letters and digits or more with five digits, letters not only at the end ("FC12345678"). */
    private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\p{N}_])[a-z0-9]{7,}(?![\\p{L}\\p{N}_])");
    /** The mission's own case and booking references ("Mã hồ sơ AB123456"): the answer needs them, they name no one. */
    private static final Pattern REFERENCE_BEFORE = Pattern.compile(WB + "(?:ma ho so|ma so ho so|ma don|ma tra cuu"
            + "|ma dat cho|ma lich hen|so bien nhan|reference|ref|booking|order|tracking|case|application)"
            + "(?: (?:no\\.?|number|so|#))?:? ?$");

    private static final Pattern LETTER_BEFORE_DIGIT = Pattern.compile("[a-z]\\d");
    /** Seven or eight digits, bare or grouped, that are no money and no date: a visa foil, a tax or a local number. */
    private static final Pattern SHORT_NUMBER =
            Pattern.compile(NB + "(?:\\d{7,8}|\\d{2,4}(?:[ .-]\\d{2,4}){1,3})" + NE);

    private static final Pattern TWO_YEARS = Pattern.compile("(?:19|20)\\d\\d\\D+(?:19|20)\\d\\d");

    /** Passports, ID cards, IBANs, cards and accounts: the shapes that must win over the phone rules. */
    void documents(FoldedText folded, Claims claims) {
        String f = folded.text();
        String c = folded.cased();
        claims.claim(f, MRZ, Redactor.PASSPORT_NO, m -> m.group().indexOf('<') >= 0 && digits(m.group()) >= 6);
        claims.claim(f, VN_PASSPORT, Redactor.PASSPORT_NO, m -> true);
        claims.claim(f, CUED_PASSPORT, 1, Redactor.PASSPORT_NO, m -> true);
        claims.claim(c, CUED_PASSPORT_CODE, 1, Redactor.PASSPORT_NO, m -> digits(m.group(1)) >= 5);
        claims.claim(f, IBAN, Redactor.ACCOUNT_NO, m -> digits(m.group()) >= 10);
        claims.claim(c, CUED_ID, 1, Redactor.ID_NO, m -> digits(m.group(1)) >= 5 && !isMoney(f, m.start(1), m.end(1)));
        claims.claim(f, CARD, Redactor.ACCOUNT_NO, m -> between(digits(m.group()), 13, 19));
        accounts(f, claims);
        claims.claim(f, ID_NUMBER, Redactor.ID_NO, m -> !isMoney(f, m.start(), m.end()));
    }

    /** Codes and short numbers no phone rule took. */
    void leftovers(FoldedText folded, Claims claims) {
        String f = folded.text();
        claims.claim(
                f,
                CODE,
                Redactor.ID_NO,
                m -> digits(m.group()) >= 5
                        && LETTER_BEFORE_DIGIT.matcher(m.group()).find()
                        && !REFERENCE_BEFORE
                                .matcher(f)
                                .region(Math.max(0, m.start() - 24), m.start())
                                .useTransparentBounds(true)
                                .find());
        claims.claim(
                f,
                SHORT_NUMBER,
                Redactor.ID_NO,
                m -> between(digits(m.group()), 7, 8)
                        && !isMoney(f, m.start(), m.end())
                        && !TWO_YEARS.matcher(m.group()).matches());
    }

    private static void accounts(String f, Claims claims) {
        Matcher cue = ACCOUNT_CUE.matcher(f);
        while (cue.find()) {
            int end = Math.min(f.length(), cue.end() + ACCOUNT_WINDOW);
            Matcher stop = SENTENCE_END.matcher(f).region(cue.end(), end);
            if (stop.find()) {
                end = stop.start();
            }
            Matcher number = ACCOUNT_NUMBER.matcher(f).region(cue.end(), end);
            int clauseEnd = end;
            while (number.find() && number.start() < clauseEnd) {
                // Numbers listed with the account ("記号 12345 番号 67890123") belong to it; after a comma comes
                // something else ("..., liên hệ 0918 222 333").
                int comma = f.indexOf(',', number.end());
                clauseEnd = comma >= 0 ? Math.min(clauseEnd, comma) : clauseEnd;
                if (claims.isFree(number.start(), number.end()) && !isMoney(f, number.start(), number.end())) {
                    claims.add(new Claims.Span(number.start(), number.end(), Redactor.ACCOUNT_NO, false));
                }
            }
        }
    }
}
