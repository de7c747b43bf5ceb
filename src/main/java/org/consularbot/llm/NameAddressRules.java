package org.consularbot.llm;

import static org.consularbot.llm.Shapes.WB;
import static org.consularbot.llm.Shapes.isMoney;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and street addresses, matched on the cased folded text. A name is only taken after a cue ("tôi tên", "em
 * là", "my name is", "Họ tên:", a signature), since capitalised words alone are as often places; a weak cue ("em
 * là") needs two capitalised words, so "em là sinh viên" stays. An address needs a house number with a street word
 * (or a lane, unit, chōme or "địa chỉ:" before it); the street part goes, with postcodes just after it, while the
 * city stays: the model needs the city to answer, not the door.
 */
final class NameAddressRules {

    private static final String WORD = "\\p{Lu}\\p{L}*";
    private static final String HONORIFIC = "(?:(?:anh|chi|ong|ba|co|chu|bac|be|em|mr|mrs|ms)\\.? )?";
    private static final String STRONG = "(?:toi|em|e|minh|tui|anh|chi|con|be|con (?:em|toi)|chong(?: em| toi)?"
            + "|vo(?: em| toi)?|ban (?:em|toi)) ten(?: la)?|ten (?:toi|em|minh|cua (?:toi|em|minh)|con|be) la"
            + "|my name is|my name's";
    private static final String LABEL = "(?:ho(?: va)? ten|ten|full name|name|surname|family name|last name"
            + "|given names?|first names?|nom|prenom|vorname|nachname) ?:";
    private static final String WEAK = "(?:toi|em|minh|tui) la|(?:chong|vo|bo|me|cha|con|anh|chi|ong|ba|ban)"
            + "(?: (?:em|toi|minh|cua em|cua toi))? la|my (?:husband|wife|son|daughter|mother|father|brother"
            + "|sister|partner|fiancee?|child)(?: is)?|(?:best |kind |warm )?regards,?|sincerely,?|thanks,|cam on,"
            + "|tran trong,|(?:mr|mrs|ms|miss|dr)\\.?";

    private static final Pattern STRONG_NAME = cued(STRONG + "|" + LABEL, 1);
    private static final Pattern WEAK_NAME = cued(WEAK, 2);
    /** "I'm" precedes all sorts of words: a name of two capitalised words or more counts ("I'm Anna Tran"). */
    private static final Pattern IM_NAME = cued("i'm|i am", 2);
    /** Words after "I'm" that say what someone is ("I'm Vietnamese Canadian"), or start no name. */
    private static final Set<String> NOT_A_NAME = Set.of(
            "vietnamese",
            "viet",
            "canadian",
            "american",
            "australian",
            "british",
            "english",
            "german",
            "french",
            "japanese",
            "korean",
            "chinese",
            "taiwanese",
            "thai",
            "russian",
            "polish",
            "czech",
            "italian",
            "spanish",
            "dutch",
            "swedish",
            "new",
            "not",
            "currently",
            "living",
            "staying",
            "here",
            "from",
            "in",
            "a",
            "an",
            "the");
    /** A lower-case name typed without Vietnamese input, after a cue that can only announce a name. */
    private static final Pattern LOWER_NAME =
            Pattern.compile(WB + "(?iu:" + STRONG + ") " + "(\\p{Ll}+(?: \\p{Ll}+){1,4})(?= ?(?:[,.;:!?()]|$))");
    /** "em tên là gì ạ?" asks for a name, it gives none. */
    private static final Pattern QUESTION = Pattern.compile("(?<![\\p{L}])(?:gi|ai|nao|sao|the nao|what)(?![\\p{L}])");
    /** The display name before an e-mail address ("Trần Bích Ngọc <ngoc@...>"). */
    private static final Pattern DISPLAY_NAME =
            Pattern.compile("(" + WORD + "(?: " + WORD + "){1,4})(?= ?<[^<>\\s]*@)");

    private static final String HOUSE = "\\d{1,5}[A-Za-z]?(?:[/-]\\d{1,4}[A-Za-z]?)*";
    private static final String CAPS = WORD + "(?: " + WORD + "){0,3}";
    private static final List<Pattern> ADDRESSES = List.of(
            // Vietnam: "số 45 ngõ 12 phố Huế", "hẻm 34/5 Lê Văn Sỹ", "12 đường Lê Lợi", "thôn Đông Hòa"
            address(WB + "(?:(?i:so) )?(?:" + HOUSE + " )?(?i:ngo|ngach|hem|kiet) " + HOUSE
                    + "(?:,? (?:(?i:duong|pho) )?" + CAPS + ")?"),
            address(WB + "(?:(?i:so) )?" + HOUSE + ",? (?i:duong|pho) " + CAPS),
            address(WB + "(?i:thon|xom|ap|khom|khu pho|to dan pho) " + CAPS),
            // Taiwan: "No. 15, Lane 20, Zhongshan Rd."
            address(WB + "(?i:no)\\. ?" + HOUSE + "(?:,? (?i:lane|ln|alley|aly|sec|section)\\.? " + HOUSE + ")+(?:,? "
                    + WORD + " (?i:rd|road|st|street|ave|avenue)\\.?)?"),
            // English: "Flat 4, 22 Baker Street", "Unit 7/15 George St", "410 Elm Ave"
            address(WB + "(?:(?i:unit|flat|apt|apartment|suite|room)\\.? ?#?" + HOUSE + "(?:/|,? ))?" + HOUSE + ",? (?:"
                    + WORD + " ){0,3}(?i:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct"
                    + "|place|pl|terrace|crescent|close|highway|hwy|parkway|square|sq)(?![\\p{L}])"),
            address(WB + "(?i:unit|flat|apt|apartment|suite)\\.? ?#?\\d+[A-Za-z]?(?![\\p{L}\\p{N}])"),
            // French, Italian, Spanish, Portuguese: "14 rue des Lilas"
            address(WB + HOUSE + "(?: (?i:bis|ter))?,? (?i:rue|avenue|av|boulevard|bd|place|chemin|allee|impasse|quai"
                    + "|cours|route|via|viale|calle|avenida|rua)(?: (?i:de la|de|du|des|d'|della|del|di|da))? " + CAPS),
            // German and Dutch: "Hauptstraße 5", "Berliner Str. 5"
            address("(?:" + WORD + "(?iu:straße|strasse|weg|gasse|platz|allee|damm|ufer|straat|laan|gracht)|(?:" + WORD
                    + " )?(?i:str)\\.) ?" + HOUSE),
            // Polish, Czech: "ul. Marszałkowska 10/12"
            address(WB + "(?i:ul|al|pl|os)\\. ?" + CAPS + " " + HOUSE),
            // Russian: "ул. Ленина, д. 5, кв. 12"
            address(WB + "(?iu:ул|улица|пр|проспект|пер|переулок|бул|бульвар|шоссе|наб)\\.? ?" + WORD
                    + "(?:,? (?iu:д|дом)\\.? ?" + HOUSE + ")?(?:,? (?iu:кв|квартира|корп|стр)\\.? ?" + HOUSE + ")*"),
            address(WB + "(?i:lane|alley|section)\\.? \\d+(?![\\p{L}\\p{N}])"),
            // Japan and Korea: "1-2-3 Shinjuku", "12-3 Wonbon-ro", "원곡로 45, 302호"
            address("(?<![\\p{L}\\p{N}_/.-])\\d{1,4}-\\d{1,4}(?:-\\d{1,4})? " + WORD
                    + "(?:-(?i:ku|shi|cho|machi|gun|ro|gil|dong|gu|si))?"),
            address("\\p{IsHangul}+(?:로|길) ?\\d+(?:-\\d+)?(?:, ?\\d+ ?호)?"),
            address("(?<![\\p{L}\\p{N}])\\d+ ?호(?![\\p{L}])"),
            // Where someone lives, a house number and a name: a street ("sống ở 123 Nguyễn Trãi Toronto"). Two words
            // at most: the next is as often the city, which the model needs.
            Pattern.compile("(?iu:song o|o so|nha o|nha (?:em|toi|minh) o|tru tai|cu tru tai|tam tru tai|thuong tru tai"
                    + "|living at|live at|lives at|staying at) (" + HOUSE + ",? " + WORD + "(?: " + WORD + ")?)"),
            // After "địa chỉ:" a house number and a name is a street ("123 Nguyễn Trãi")
            Pattern.compile("(?iu:dia chi|address|adres|adresse|anschrift|адрес)[^:\\n]{0,25}: ?(" + HOUSE + ",? "
                    + CAPS + ")"));

    private static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\d{3}-\\d{4}|\\d{2}-\\d{3}|\\d{4,5}"
            + "|\\p{Lu}\\d\\p{Lu} ?\\d\\p{Lu}\\d|\\p{Lu}{1,2}\\d[\\p{Lu}\\d]? ?\\d\\p{Lu}{2})(?![\\p{L}\\p{N}])");
    private static final Pattern CLAUSE_END = Pattern.compile("[.!?](?:\\s|$)|\\n| [—–] ");
    /** How far after a street a postcode may stand ("Shinjuku-ku, Tokyo 160-0022"). */
    private static final int POSTCODE_WINDOW = 45;

    private static Pattern cued(String cues, int minWords) {
        return Pattern.compile(WB + "(?iu:" + cues + ") ?" + HONORIFIC + "(" + WORD + "(?: " + WORD + "){"
                + (minWords - 1) + ",4})(?![\\p{L}\\p{N}])");
    }

    private static Pattern address(String regex) {
        return Pattern.compile(regex, Pattern.UNICODE_CASE);
    }

    void names(FoldedText folded, Claims claims) {
        String c = folded.cased();
        claims.claim(c, STRONG_NAME, 1, Redactor.NAME, m -> !isTemplate(m.group(1)));
        claims.claim(c, WEAK_NAME, 1, Redactor.NAME, m -> !isTemplate(m.group(1)));
        claims.claim(c, IM_NAME, 1, Redactor.NAME, m -> !isTemplate(m.group(1)) && !saysWhatNotWho(m.group(1)));
        claims.claim(
                c,
                LOWER_NAME,
                1,
                Redactor.NAME,
                m -> !QUESTION.matcher(m.group(1)).find());
        claims.claim(c, DISPLAY_NAME, 1, Redactor.NAME, m -> true);
    }

    /** "I'm Vietnamese Canadian", "I am New Zealand resident": who the person is, which the model needs, not a name. */
    private static boolean saysWhatNotWho(String words) {
        return NOT_A_NAME.contains(words.split(" ")[0].toLowerCase(Locale.ROOT));
    }

    /** "Nguyễn Văn A", "Trần Thị B": the usual stand-in for any name, used in examples and questions. */
    private static boolean isTemplate(String name) {
        int lastSpace = name.lastIndexOf(' ');
        return lastSpace >= 0 && name.length() - lastSpace == 2;
    }

    void addresses(FoldedText folded, Claims claims) {
        String c = folded.cased();
        for (Pattern address : ADDRESSES) {
            claims.claim(c, address, address.matcher("").groupCount() > 0 ? 1 : 0, Redactor.ADDRESS, m -> true);
        }
        List<Claims.Span> streets = claims.all().stream()
                .filter(s -> Redactor.ADDRESS.equals(s.placeholder()))
                .toList();
        for (Claims.Span street : streets) {
            int end = Math.min(c.length(), street.end() + POSTCODE_WINDOW);
            Matcher stop = CLAUSE_END.matcher(c).region(street.end(), end);
            if (stop.find()) {
                end = stop.start();
            }
            Matcher postcode = POSTCODE.matcher(c).region(street.end(), end);
            while (postcode.find()) {
                boolean year = postcode.group().matches("(?:19|20)\\d\\d");
                if (!year
                        && claims.isFree(postcode.start(), postcode.end())
                        && !isMoney(folded.text(), postcode.start(), postcode.end())) {
                    claims.add(new Claims.Span(postcode.start(), postcode.end(), Redactor.ADDRESS, false));
                }
            }
        }
    }
}
