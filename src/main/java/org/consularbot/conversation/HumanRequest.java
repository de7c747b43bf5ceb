package org.consularbot.conversation;

import java.util.List;
import java.util.regex.Pattern;
import org.consularbot.faq.Folding;

/**
 * Citizens rarely type {@code /human}: they write "cho em gặp cán bộ", "tôi muốn nói chuyện với người thật",
 * "talk to a person", "vẫn cần giúp". These phrases (matched without diacritics, as words) ask for an officer.
 */
final class HumanRequest {

    private static final List<Pattern> PHRASES = List.of(
            words("gap (can bo|nhan vien|ai do)"),
            words("(noi|nc|noi chuyen|chat|trao doi) (voi|vs) (can bo|nhan vien|nguoi that)"),
            words("nguoi that"),
            words("can bo (truc|lanh su) (giup|ho tro|tra loi)"),
            words("(van|con) can (giup|ho tro|nguoi)"),
            words(
                    "(talk|speak|chat) (to|with) (a |an |the |someone|somebody)?(person|human|officer|agent|staff|someone|somebody|real person)"),
            words("(real|live) (person|human|agent)"),
            words("still need help"),
            words("human (agent|please|being)"));

    private HumanRequest() {}

    static boolean asks(String text) {
        String folded = " " + Folding.fold(Folding.clean(text)).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        return PHRASES.stream().anyMatch(p -> p.matcher(folded).find());
    }

    private static Pattern words(String regex) {
        return Pattern.compile(" " + regex + " ");
    }
}
