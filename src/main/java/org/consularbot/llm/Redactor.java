package org.consularbot.llm;

import static org.consularbot.llm.Shapes.NB;
import static org.consularbot.llm.Shapes.NE;
import static org.consularbot.llm.Shapes.WB;
import static org.consularbot.llm.Shapes.WE;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a citizen's personal data (names, addresses, passport, ID and account numbers, phones, e-mails, dates of
 * birth) by placeholders before the text leaves for an external LLM, which needs the question, not the person. It
 * errs towards redacting: a lost digit costs an answer little, a leaked passport number cannot be called back.
 * Fees, laws, travel dates, ages, flight numbers, cities and the embassy's public numbers stay; everything else is
 * kept character for character.
 *
 * <p>Matching runs on a folded copy (lower case, no diacritics, plain digits, no invisible characters) mapped back
 * to the original, so "Ngày sinh" and "ngay sinh", "０９１２" and "0912" are one. Dates are found first and kept out
 * of the number rules (a travel date is no phone number); the birth-cue window is measured as if every redaction
 * were already made, so that redacting twice changes nothing. The rules live in {@link IdRules}, {@link
 * ContactRules} and {@link NameAddressRules}; the first rule to claim a part of the text decides what it is.
 */
public final class Redactor {

    static final String PASSPORT_NO = "[PASSPORT_NO]";
    static final String ID_NO = "[ID_NO]";
    static final String ACCOUNT_NO = "[ACCOUNT_NO]";
    static final String PHONE = "[PHONE]";
    static final String EMAIL = "[EMAIL]";
    static final String DATE_OF_BIRTH = "[DATE_OF_BIRTH]";
    static final String NAME = "[NAME]";
    static final String ADDRESS = "[ADDRESS]";

    /** The citizen-protection hotline of the Ministry of Foreign Affairs: public, printed on every embassy page. */
    public static final String MOFA_HOTLINE = "+84 981 84 84 84";

    /** A full date at least this many years back, with no other cue, is taken for a birth date ("Nguyen Van A 12/04/1988"). */
    static final int ADULT_YEARS = 10;
    /** How far (in characters, after redaction) a cue such as "ngày sinh" or "ngày cấp" reaches forward to a date. */
    static final int CUE_WINDOW = 30;

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\[(passport_no|id_no|account_no|phone|email|date_of_birth|name|address)\\]");

    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final List<DateFormat> DATE_FORMATS = List.of(
            // "5 tháng 3 năm 1990" ("ngày" before it stays, it is often part of the cue "sinh ngày")
            new DateFormat(
                    Pattern.compile(NB + "(\\d{1,2})\\s*thang\\s*(\\d{1,2})\\s*,?\\s*nam\\s*(\\d{4})" + NE),
                    1,
                    2,
                    3,
                    false,
                    false),
            new DateFormat(
                    Pattern.compile(
                            NB + "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + "\\.?,?\\s+(\\d{4})" + NE),
                    1,
                    2,
                    3,
                    true,
                    false),
            new DateFormat(
                    Pattern.compile(WB + MONTHS + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + NE),
                    2,
                    1,
                    3,
                    true,
                    false),
            new DateFormat(Pattern.compile(NB + "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})" + NE), 4, 3, 1, false, false),
            // "1990年4月12日", "1990년 4월 12일"
            new DateFormat(
                    Pattern.compile(NB + "(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]"),
                    3,
                    2,
                    1,
                    false,
                    false),
            new DateFormat(
                    Pattern.compile(NB + "(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})" + NE), 1, 3, 4, false, true));

    /** "sinh" except where it means student, living, hygiene ... ("học sinh", "sinh viên", "sinh sống"). */
    private static final String SINH = "(?<!hoc |phat |ve |thi |cuu |hy |ky )sinh(?! vien| song| hoat| ly| thai| trac)";

    private static final Pattern BIRTH_CUE = Pattern.compile(WB + "(?:ngay thang nam sinh|ngay sinh|nam sinh|sinh ngay"
            + "|sinh nam|" + SINH + "|sn|dob|d\\.o\\.b\\.?|date of birth|birth ?date|birthday|born(?: on| in)?)" + WE);
    /** Cues that make a date something other than a birth: issue, expiry, travel, marriage, a law. */
    private static final Pattern OTHER_CUE = Pattern.compile(WB + "(?:ngay cap|cap ngay|duoc cap|cap|het han|hieu luc"
            + "|ban hanh|ky ngay|ket hon|qua doi|mat ngay|nhap canh|xuat canh|di ngay|bay ngay|den ngay|ve ngay|tu ngay"
            + "|chuyen bay|issued?(?: on)?|date of issue|issue date|expir\\w*|valid\\w*|effective|signed|married"
            + "|marriage|died|death|arriv\\w*|depart\\w*|entered|entry|exit|from|until|since|flight|luat|nghi dinh"
            + "|thong tu|quyet dinh|law|decree|circular)" + WE);
    /** A bare year of birth: "năm sinh 1990", "sinh năm 1990", "born in 1990". */
    private static final Pattern BIRTH_YEAR = Pattern.compile(WB + "(?:nam sinh|sinh nam|" + SINH
            + "|sn|born(?: in)?|year of birth|birth year|dob)[^\\d@\\[\\]\\n.!?]{0,15}?" + NB + "((?:19|20)\\d{2})"
            + NE);

    private final int birthYearLimit;
    private final IdRules ids = new IdRules();
    private final ContactRules contacts;
    private final NameAddressRules namesAndAddresses = new NameAddressRules();

    /** Keeps the MOFA citizen-protection hotline, the one public number every mission gives. */
    public Redactor(Clock clock) {
        this(clock, List.of(MOFA_HOTLINE));
    }

    /**
     * @param clock         only sets the year from which a bare full date counts as a birth date
     * @param publicNumbers phone numbers to keep (hotlines), in international form; compared by their digits
     */
    public Redactor(Clock clock, Collection<String> publicNumbers) {
        this.birthYearLimit = Year.now(clock).getValue() - ADULT_YEARS;
        this.contacts = new ContactRules(publicNumbers);
    }

    /** At most this many passes; real messages settle after the first, which the second one confirms. */
    private static final int MAX_PASSES = 5;

    /**
     * The text with personal data replaced by placeholders; null becomes empty. Passes repeat until nothing changes,
     * so that redacting a redacted text changes nothing even where a placeholder's brackets shift a boundary
     * ("0912345678(613) 555-0199").
     */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String current = text;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String next = redactOnce(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private String redactOnce(String text) {
        if (text.isEmpty()) {
            return text;
        }
        FoldedText folded = FoldedText.of(text);
        String f = folded.text();
        Claims claims = new Claims();
        Matcher placeholders = PLACEHOLDER.matcher(f);
        while (placeholders.find()) {
            boolean date = placeholders.group(1).equals("date_of_birth");
            claims.add(new Claims.Span(placeholders.start(), placeholders.end(), null, date));
        }
        contacts.keepPublic(f, claims);
        List<DateHit> dates = findDates(f, claims);
        contacts.emails(f, claims);
        ids.documents(folded, claims);
        contacts.phones(f, claims);
        namesAndAddresses.names(folded, claims);
        namesAndAddresses.addresses(folded, claims);
        ids.leftovers(folded, claims);
        classifyDates(f, claims, dates);
        claims.claim(f, BIRTH_YEAR, 1, DATE_OF_BIRTH, m -> true);
        return folded.rebuild(claims.all());
    }

    private static List<DateHit> findDates(String f, Claims claims) {
        List<DateHit> dates = new ArrayList<>();
        for (DateFormat format : DATE_FORMATS) {
            Matcher m = format.pattern().matcher(f);
            int from = 0;
            while (from < f.length() && m.find(from)) {
                int year = format.year(m);
                if (year != 0 && claims.isFree(m.start(), m.end())) {
                    claims.add(new Claims.Span(m.start(), m.end(), null, true));
                    dates.add(new DateHit(m.start(), m.end(), year));
                    from = m.end();
                } else {
                    from = m.start() + 1;
                }
            }
        }
        dates.sort(Comparator.comparingInt(DateHit::start));
        return dates;
    }

    /** A date becomes a birth date after a near birth cue, or when old enough and not after another cue. */
    private void classifyDates(String f, Claims claims, List<DateHit> dates) {
        if (dates.isEmpty()) {
            return;
        }
        List<Cue> cues = new ArrayList<>();
        findCues(f, claims, BIRTH_CUE, true, cues);
        findCues(f, claims, OTHER_CUE, false, cues);
        cues.sort(Comparator.comparingInt(Cue::end));
        for (DateHit date : dates) {
            int previousDateEnd = 0;
            for (Claims.Span span : claims.between(0, date.start()).values()) {
                if (span.date()) {
                    previousDateEnd = Math.max(previousDateEnd, span.end());
                }
            }
            Cue nearest = null;
            for (Cue cue : cues) {
                if (cue.end() <= date.start() && cue.start() >= previousDateEnd) {
                    nearest = cue;
                }
            }
            boolean birth;
            if (nearest != null && lengthAfterRedaction(claims, nearest.end(), date.start()) <= CUE_WINDOW) {
                birth = nearest.birth();
            } else {
                birth = date.year() > 0 && date.year() <= birthYearLimit;
            }
            if (birth) {
                claims.add(new Claims.Span(date.start(), date.end(), DATE_OF_BIRTH, true));
            }
        }
    }

    private static void findCues(String f, Claims claims, Pattern pattern, boolean birth, List<Cue> cues) {
        Matcher m = pattern.matcher(f);
        while (m.find()) {
            if (claims.isFree(m.start(), m.end())) {
                cues.add(new Cue(m.start(), m.end(), birth));
            }
        }
    }

    /** Length of the folded text between two positions once the redactions inside are made. */
    private static int lengthAfterRedaction(Claims claims, int from, int to) {
        int length = to - from;
        for (Claims.Span span : claims.between(from, to).values()) {
            if (span.redacted()) {
                length += span.placeholder().length() - (span.end() - span.start());
            }
        }
        return length;
    }

    private record DateHit(int start, int end, int year) {}

    private record Cue(int start, int end, boolean birth) {}

    /** A date shape; year() is 0 when the match is no real date, -1 for a two-digit year. */
    private record DateFormat(
            Pattern pattern, int dayGroup, int monthGroup, int yearGroup, boolean monthByName, boolean eitherOrder) {

        int year(MatchResult m) {
            int day = Integer.parseInt(m.group(dayGroup));
            int month = monthByName ? monthNumber(m.group(monthGroup)) : Integer.parseInt(m.group(monthGroup));
            String yearText = m.group(yearGroup);
            int year = Integer.parseInt(yearText);
            boolean dayMonth = day >= 1 && day <= 31 && month >= 1 && month <= 12;
            boolean monthDay = eitherOrder && month >= 1 && month <= 31 && day >= 1 && day <= 12;
            if (!dayMonth && !monthDay) {
                return 0;
            }
            if (yearText.length() == 2) {
                return -1;
            }
            return year >= 1900 && year <= 2099 ? year : 0;
        }

        private static int monthNumber(String name) {
            return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                            .indexOf(name.substring(0, 3))
                    + 1;
        }
    }
}
