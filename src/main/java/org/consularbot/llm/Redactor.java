package org.consularbot.llm;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a citizen's personal data (passport and ID numbers, phones, e-mails, dates of birth) by placeholders
 * before the text leaves for an external LLM, which needs the question, not the person. It errs towards
 * redacting: a lost digit costs an answer little, a leaked passport number cannot be called back. Everything else
 * is kept character for character.
 *
 * <p>Matching runs on a folded copy (lower case, no diacritics) mapped back to the original, so "Ngày sinh" and
 * "ngay sinh" are one cue. Dates are found first and kept out of the phone and ID rules (a travel date is no phone
 * number); the birth-cue window is measured as if every redaction were already made, so that redacting twice
 * changes nothing.
 */
public final class Redactor {

    static final String PASSPORT_NO = "[PASSPORT_NO]";
    static final String ID_NO = "[ID_NO]";
    static final String PHONE = "[PHONE]";
    static final String EMAIL = "[EMAIL]";
    static final String DATE_OF_BIRTH = "[DATE_OF_BIRTH]";

    /** A full date at least this many years back, with no other cue, is taken for a birth date ("Nguyen Van A 12/04/1988"). */
    static final int ADULT_YEARS = 10;
    /** How far (in characters, after redaction) a cue such as "ngày sinh" or "ngày cấp" reaches forward to a date. */
    static final int CUE_WINDOW = 30;

    // Boundaries on the folded text. Words: no letter, digit or underscore (placeholders hold underscores) around.
    // Numbers: also no number running on through a separator ("1.000.000", "12/04").
    private static final String WB = "(?<![\\p{L}\\p{N}_])";
    private static final String WE = "(?![\\p{L}\\p{N}_])";
    private static final String NB = "(?<![\\p{L}\\p{N}_+]|\\d[.,/-])";
    private static final String NE = "(?![\\p{L}\\p{N}_]|[.,/-]\\d)";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(passport_no|id_no|phone|email|date_of_birth)\\]");

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("(?<![\\p{L}\\p{N}_.%+-])[\\p{L}\\p{N}_%+-]+"
            + "(?:\\.[\\p{L}\\p{N}_%+-]+)*@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}" + WE);

    /** Vietnamese passports: one letter and seven digits ("C1234567", "c 1234567"). */
    private static final Pattern VN_PASSPORT = Pattern.compile(NB + "[a-z] ?\\d{7}" + NE);
    /** Other countries' formats need the word "passport" (or "hộ chiếu", "số HC") shortly before. */
    private static final Pattern CUED_PASSPORT = Pattern.compile(WB
            + "(?:so ho chieu|ho chieu|passport(?: number| no\\.?| #)?|so hc|hc|pp no\\.?)"
            + "[^\\d@\\[\\]\\n]{0,25}?(" + NB + "(?:[a-z]{1,2} ?\\d{6,8}|\\d{8,9})" + NE + ")");

    /** CCCD (12 digits) and CMND (9 digits), bare or in groups ("001 203 004 567", "123.456.789"). */
    private static final Pattern ID_NUMBER = Pattern.compile(
            NB + "(?<!(?:\\+|00)\\d{1,3}[ .-]?|\\(\\+?\\d{1,3}\\)[ .-]?)(?:\\d{12}|\\d{3}([ .])\\d{3}\\1\\d{3}\\1\\d{3}"
                    + "|\\d{4}([ .])\\d{4}\\2\\d{4}|\\d{9}|\\d{3}([ .])\\d{3}\\3\\d{3})" + NE);

    private static final Pattern VN_PHONE_INTL =
            Pattern.compile(NB + "(?:\\(\\+84\\)|\\+84|0084)[ .-]?(?:\\(0\\)[ .-]?)?\\d(?:[ .-]?\\d){8,9}" + NE);
    private static final Pattern INTL_PHONE = Pattern.compile(NB + "(?:\\(\\+\\d{1,3}\\)|\\+\\d{1,3}|00\\d{1,3})"
            + "(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,5}){0,5}[ .-]?\\d{2,5}" + NE);
    private static final Pattern NA_PHONE_PAREN = Pattern.compile(WB + "\\(\\d{3}\\)[ .-]?\\d{3}[ .-]\\d{4}" + NE);
    private static final Pattern VN_PHONE = Pattern.compile(NB + "0\\d{2,3}(?:[ .-]?\\d{2,4}){2,3}" + NE);
    private static final Pattern NA_PHONE = Pattern.compile(NB + "\\d{3}([ .-])\\d{3}\\1\\d{4}" + NE);
    /** Last resort: any other run of 9 to 15 digits (spaces, dots or dashes between) that is not money is a phone or an account. */
    private static final Pattern LONG_NUMBER = Pattern.compile(NB + "\\+?\\d(?:[ .-]?\\d){8,14}" + NE);

    private static final Pattern MONEY_AFTER = Pattern.compile("\\s?(?:d|dong|vnd|usd|eur|euros?|cad|aud|gbp|jpy|krw"
            + "|cny|sgd|chf|yen|won|do la|dollars?|bang|trieu|ty|nghin|ngan|k|[$€£¥₫])(?![\\p{L}\\p{N}])");
    private static final Pattern MONEY_BEFORE = Pattern.compile("(?:[$€£¥₫]|" + WB
            + "(?:usd|vnd|eur|cad|aud|gbp|phi|le phi|gia|tien|so tien|fee|fees|cost|price|amount))\\s?:?\\s?$");

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

    /** The clock only sets the year from which a bare full date counts as a birth date. */
    public Redactor(Clock clock) {
        this.birthYearLimit = Year.now(clock).getValue() - ADULT_YEARS;
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
            claims.add(new Span(placeholders.start(), placeholders.end(), null, date));
        }
        List<DateHit> dates = findDates(f, claims);
        if (f.indexOf('@') >= 0) {
            claim(f, claims, EMAIL_ADDRESS, 0, EMAIL, m -> true);
        }
        claim(f, claims, VN_PASSPORT, 0, PASSPORT_NO, m -> true);
        claim(f, claims, CUED_PASSPORT, 1, PASSPORT_NO, m -> true);
        claim(f, claims, ID_NUMBER, 0, ID_NO, m -> !isMoney(f, m.start(), m.end()));
        claim(f, claims, VN_PHONE_INTL, 0, PHONE, m -> true);
        claim(f, claims, INTL_PHONE, 0, PHONE, m -> between(digits(m.group()), 8, 17));
        claim(f, claims, NA_PHONE_PAREN, 0, PHONE, m -> true);
        claim(f, claims, VN_PHONE, 0, PHONE, m -> between(digits(m.group()), 10, 11));
        claim(f, claims, NA_PHONE, 0, PHONE, m -> !isMoney(f, m.start(), m.end()));
        claim(f, claims, LONG_NUMBER, 0, PHONE, m -> !isMoney(f, m.start(), m.end()));
        classifyDates(f, claims, dates);
        claim(f, claims, BIRTH_YEAR, 1, DATE_OF_BIRTH, m -> true);
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
                    claims.add(new Span(m.start(), m.end(), null, true));
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
            for (Span span : claims.between(0, date.start()).values()) {
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
                claims.add(new Span(date.start(), date.end(), DATE_OF_BIRTH, true));
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
        for (Span span : claims.between(from, to).values()) {
            if (span.redacted()) {
                length += span.placeholder().length() - (span.end() - span.start());
            }
        }
        return length;
    }

    private static void claim(
            String f, Claims claims, Pattern pattern, int group, String placeholder, Predicate<MatchResult> valid) {
        Matcher m = pattern.matcher(f);
        int from = 0;
        while (from < f.length() && m.find(from)) {
            int start = m.start(group);
            int end = m.end(group);
            if (claims.isFree(start, end) && valid.test(m)) {
                claims.add(new Span(start, end, placeholder, false));
                from = m.end();
            } else {
                from = m.start() + 1;
            }
        }
    }

    private static boolean isMoney(String f, int start, int end) {
        Matcher after = MONEY_AFTER.matcher(f).region(end, Math.min(f.length(), end + 16));
        Matcher before =
                MONEY_BEFORE.matcher(f).region(Math.max(0, start - 12), start).useTransparentBounds(true);
        return after.lookingAt() || before.find();
    }

    private static int digits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                count++;
            }
        }
        return count;
    }

    private static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }

    /** A part of the folded text: kept as it is when the placeholder is null; date marks dates and their placeholder. */
    record Span(int start, int end, String placeholder, boolean date) {
        boolean redacted() {
            return placeholder != null;
        }
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

    /** Spans claimed so far, by start; at most one claim per character. */
    private static final class Claims {
        private final TreeMap<Integer, Span> byStart = new TreeMap<>();

        boolean isFree(int start, int end) {
            Map.Entry<Integer, Span> before = byStart.floorEntry(start);
            if (before != null && before.getValue().end() > start) {
                return false;
            }
            Integer next = byStart.ceilingKey(start);
            return next == null || next >= end;
        }

        /** Adds a span, or replaces the one with the same start. */
        void add(Span span) {
            byStart.put(span.start(), span);
        }

        NavigableMap<Integer, Span> between(int from, int to) {
            return byStart.subMap(from, true, to, false);
        }

        Collection<Span> all() {
            return byStart.values();
        }
    }
}
