package org.consularbot.llm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.faq.Folding;

/**
 * A cheap first line against prompt injection in a citizen's message, in Vietnamese (with or without diacritics)
 * and English: orders to drop the instructions, role changes, requests for the system prompt, smuggled tags and
 * delimiters, also when written in leetspeak or base64. It only spares the LLM call; the output guard stays the
 * real defence, so the patterns lean towards precision: "hướng dẫn làm hộ chiếu", "đóng vai trò", "act as guardian"
 * and "can I ignore the fine?" are ordinary consular questions.
 */
final class InjectionScreen {

    /** Patterns over the normalised text: NFKC, lower case, no diacritics (đ is d), spaces collapsed, lines kept. */
    private static final List<Pattern> PATTERNS = compile(
            // English: drop the instructions.
            "\\b(?:ignore|disregard|forget|skip|bypass|override|discard)\\s+(?:(?:all|any|every|each|the|your|my|these"
                    + "|those|of|previous|prior|above|earlier|preceding|initial|original|system|existing|current|moi|cac"
                    + "|tat ca|het|nhung)\\s+)*(?:instructions?|prompts?|rules|directions|directives|guidelines|guardrails"
                    + "|restrictions|constraints|programming|training|system message|everything"
                    + "|(?:above|previous)(?=\\s*(?:[.!,;:?]|$|and\\b|then\\b))"
                    + "|huong dan|chi dan|quy tac)\\b",
            "\\byou(?:'re| are) now (?:a|an|the|in|called|named|free|dan|unrestricted|unfiltered|jailbroken|evil|going"
                    + " to|acting|playing|allowed|able|no longer|not bound)\\b",
            "\\bfrom now on,? (?:you|u)\\b|\\byou(?:'re| are) no longer (?:a|an|the|bound|an? assistant|restricted)\\b",
            // English: role play.
            "(?:^|[.!?:;\\n]\\s*|\\b(?:you|u|please|pls|now|then)\\s+(?:(?:will|must|should|can|to|shall|now)\\s+)?)"
                    + "(?:act|behave)\\s+(?:as|like)\\b",
            "\\b(?:respond|answer|reply|talk|speak|write)\\s+as\\s+(?:if|though|a|an|my|your|dan)\\b",
            "\\bpretend(?:ing)?\\s+(?:to\\s+be|you(?:'re|\\s+are)?|that\\s+you|as)\\b",
            "\\brole[\\s-]?play|\\bplay the (?:role|part) of\\b|\\bimpersonate\\b",
            // English: the prompt itself, special modes.
            "\\bsys(?:tem)?\\s*prompts?\\b|\\bsystem\\s+message\\b|\\b(?:your|initial|hidden|original|secret)\\s+prompt\\b"
                    + "|\\bthe\\s+prompt(?=\\s*(?:[.!?,:]|$|above|you|that|in full|verbatim))",
            "\\b(?:developer|dev|god|admin|debug|sudo|unrestricted)\\s+mode\\b|\\bjail\\s*-?\\s*break|\\bdo anything now\\b",
            "\\b(?:print|reveal|show|display|output|dump|leak|expose|share|tell|give|send|write|list|repeat|recite|paste"
                    + "|copy)\\s+(?:me\\s+|us\\s+|out\\s+)?(?:all\\s+|exactly\\s+|verbatim\\s+)?(?:of\\s+)?(?:your|the)\\s+"
                    + "(?:(?:full|entire|exact|original|initial|hidden|secret|internal|system|first|whole|complete|real)\\s+)+"
                    + "(?:instructions|rules|guidelines|directives|message|configuration|context)\\b",
            "\\b(?:print|reveal|show|display|output|dump|leak|expose|share|tell|give|send|write|list|repeat|recite|paste"
                    + "|copy)\\s+(?:me\\s+|us\\s+|out\\s+)?(?:all\\s+)?(?:of\\s+)?your\\s+(?:instructions|directives"
                    + "|configuration)(?=\\s*(?:[.!?]|$|verbatim|word for word|exactly|in full|above|you (?:were"
                    + "|have been) given|you follow))",
            "\\brepeat\\s+(?:(?:all|the|everything|every|word|words|text|message|messages|content|lines?|instructions)\\s+)*"
                    + "(?:above|before this|preceding|verbatim|from the (?:start|beginning)|so far)\\b",
            "\\bnew (?:instructions|rules|task|role|persona)\\s*:",
            // Smuggled tags and delimiters.
            "</?\\s*(?:system|user|assistant|question|instructions?|context|prompt|developer|admin|sys|human|ai|s)\\s*>",
            "\\[/?\\s*inst\\s*\\]|<<\\s*/?\\s*sys\\s*>>|<\\|[a-z_]+\\|>",
            "#{2,}\\s*(?:system|instructions?|assistant|user|developer|admin|he thong)\\b",
            "```\\s*(?:system|instructions?|prompt|he thong)\\b",
            "(?m)^\\s*(?:system|assistant|developer)\\s*:",
            // Vietnamese: drop the instructions ("bỏ qua mọi hướng dẫn", not "bỏ qua bước", not a guide to something).
            "\\bbo qua\\s+(?:(?:tat ca|toan bo|moi|cac|nhung|het|cai|di|luon)\\s+)*(?:(?:huong dan|chi dan)"
                    + "(?! (?:lam|nop|dang ky|cach|su dung|ve|khai|dien|chup|xin|gia han|cap|dat))|chi thi|quy tac|lenh"
                    + "|cau lenh|loi nhac|prompt|rang buoc|moi thu|(?:quy dinh|gioi han|yeu cau|noi dung) (?:cua ban|he thong"
                    + "|truoc|tren|o tren|phia tren|ban dau)|(?:tat ca )?nhung gi (?:o tren|phia tren|truoc do))",
            "\\bquen\\s+(?:(?:het|di|tat ca|toan bo|moi|cac|nhung|sach|luon)\\s+)*(?:quy tac|(?:huong dan|chi dan)"
                    + "(?! (?:lam|nop|dang ky|cach|su dung|ve|khai|dien|chup|xin|gia han|cap|dat))|chi thi|lenh|cau lenh"
                    + "|vai tro|moi thu|nhung gi|loi nhac|prompt|rang buoc|ban la ai|minh la ai|danh tinh)",
            "\\b(?:khong can|khong phai|dung|thoi|ngung|khong con phai)\\s+(?:tuan theo|tuan thu|lam theo|theo|ap dung)\\s+"
                    + "(?:(?:cac|moi|nhung|bat ky)\\s+)?(?:quy tac|huong dan|chi dan|chi thi|gioi han|rang buoc)\\s+"
                    + "(?:nao|cua ban|he thong|nua|truoc do|ban dau)\\b",
            // Vietnamese: role play ("đóng vai", not "đóng vai trò"; "giả vờ là"; "từ giờ bạn là").
            "\\bdong vai\\b(?! tro\\b)",
            "\\bgia vo\\b|\\bgia lam (?:mot |1 )?(?:nhan vien|can bo|lanh su|dai su|tro ly|ai|bot|hacker|nguoi khac)\\b",
            "\\bhay la (?:mot |1 )?(?:tro ly|ai|chatbot|bot|nhan vien|can bo|lanh su|dai su|hacker|chuyen gia|phien ban"
                    + "|nguoi khong)\\b",
            "\\b(?:bay gio|tu gio|tu nay|tu bay gio|ke tu bay gio|ke tu luc nay|tu luc nay)(?: tro di)?,? (?:ban|may|em|bot"
                    + "|mi) (?:la|se la|se dong vai|khong con la)\\b|\\b(?:ban|may) (?:bay gio|gio) (?:la|da la|se la)\\b",
            // Vietnamese: the prompt itself, special modes.
            "\\b(?:loi nhac|prompt|chi dan|chi thi|thong diep|tin nhan|cau lenh|lenh) he thong\\b",
            "\\bhuong dan he thong(?= cua| ban dau| goc| an\\b| noi bo|\\s*[.?!,:\"']|\\s*$)",
            "\\bche do (?:nha phat trien|developer|dev|admin|quan tri|khong gioi han|god)\\b|\\bbe khoa\\b|\\bvuot nguc\\b",
            "\\b(?:in|hien|hien thi|xuat|viet|doc|nhac|lap|tiet lo|cho xem|cung cap|gui|chia se|dua|liet ke|noi)"
                    + "(?: ra| lai| het| cho toi| cho minh| cho tui| cho em| xem| nguyen van| toan bo| day du| tat ca)*\\s+"
                    + "(?:(?:toan bo|tat ca|nguyen van|day du|noi dung|cac|nhung|cai)\\s+)*(?:prompt|loi nhac|cau hinh)\\b",
            "\\btiet lo\\s+(?:(?:toan bo|tat ca|nguyen van|day du|noi dung|cac|nhung|het)\\s+)*(?:huong dan|chi dan"
                    + "|chi thi|quy tac|lenh|cau lenh|bi mat)",
            "\\b(?:in|hien thi|xuat|viet|doc|nhac lai|lap lai|cho xem|cung cap|gui|chia se|dua|liet ke|noi)(?: ra| lai"
                    + "| cho toi| cho minh| cho tui| cho em| xem| nguyen van| toan bo| day du| tat ca)*\\s+"
                    + "(?:(?:toan bo|tat ca|nguyen van|day du|noi dung|cac|nhung)\\s+)*(?:huong dan|chi dan|chi thi|quy tac"
                    + "|cau lenh) (?:cua ban(?! ve| cho| de)|ban dau|goc|an|bi mat|noi bo|duoc (?:giao|cai|cai dat)|ma ban"
                    + " (?:duoc|nhan|phai)|ban nhan duoc|o tren|phia tren|truoc do)\\b",
            "\\b(?:nhac lai|lap lai|chep lai|viet lai|doc lai|in lai)\\s+(?:\\S+\\s+){0,4}?(?:nguyen van|toan bo|tat ca"
                    + "|moi thu|nhung gi|van ban|noi dung|tin nhan|doan)\\s+(?:\\S+\\s+){0,3}?(?:o tren|phia tren|ben tren"
                    + "|truoc do|phia truoc|tu dau)\\b");

    /** "DAN" (do anything now) only in capitals, since folded "dan" is "dân" and "dẫn". */
    private static final Pattern DAN = Pattern.compile("(?<![\\p{L}\\p{N}])DAN(?![\\p{L}\\p{N}])");

    private static final Pattern DAN_AS_WORD = Pattern.compile("\\b(?:cong|nguoi|huong|chi|nhan|cu|thi|ban) dan\\b");
    /** "hãy là" needs its diacritics: without them "hay là" means "or". */
    private static final Pattern HAY_LA = Pattern.compile("(?<!\\p{L})hãy là(?!\\p{L})");

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Co}]");
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\t\\x0B\\f\\r]+");
    private static final Pattern LEET_WORD =
            Pattern.compile("[\\p{L}\\p{N}@$]*(?:\\p{L}[\\p{N}@$]|[\\p{N}@$]\\p{L})" + "[\\p{L}\\p{N}@$]*");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");

    boolean looksLikeInjection(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (screen(nfkc)) {
            return true;
        }
        Matcher encoded = BASE64.matcher(nfkc);
        while (encoded.find()) {
            String decoded = decodeBase64(encoded.group());
            if (decoded != null && screen(decoded)) {
                return true;
            }
        }
        return false;
    }

    private static boolean screen(String text) {
        String visible = INVISIBLE.matcher(text).replaceAll("");
        if (DAN.matcher(visible).find()
                && !DAN_AS_WORD.matcher(normalise(visible)).find()) {
            return true;
        }
        if (HAY_LA.matcher(visible.toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        String normalised = normalise(visible);
        return matchesAny(normalised) || matchesAny(unleet(normalised));
    }

    private static boolean matchesAny(String normalised) {
        for (Pattern pattern : PATTERNS) {
            if (pattern.matcher(normalised).find()) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String text) {
        String folded = Folding.fold(text.toLowerCase(Locale.ROOT));
        return SPACES.matcher(folded).replaceAll(" ");
    }

    /** "1gn0r3 4ll pr3v10us" becomes "ignore all previous": only words mixing letters with digits, @ or $. */
    private static String unleet(String text) {
        Matcher m = LEET_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String word = m.group()
                    .replace('0', 'o')
                    .replace('1', 'i')
                    .replace('3', 'e')
                    .replace('4', 'a')
                    .replace('5', 's')
                    .replace('7', 't')
                    .replace('@', 'a')
                    .replace('$', 's');
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The UTF-8 text a base64 token stands for, or null when it is no such thing. */
    private static String decodeBase64(String token) {
        String body = token.replace('-', '+').replace('_', '/');
        int unpadded = body.indexOf('=') < 0 ? body.length() : body.indexOf('=');
        body = body.substring(0, unpadded);
        if (body.length() % 4 == 1) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4));
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    private static List<Pattern> compile(String... regexes) {
        return Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
