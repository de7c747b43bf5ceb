package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;

/**
 * A host country as emergency replies need it: its names (so a message that says where the citizen is can be
 * read) and its emergency numbers, printed only when an official source confirmed them ({@code faq/countries.tsv}).
 *
 * @param names     how citizens name it, with diacritics where Vietnamese has them ("Nhật Bản", "Nhật", "Japan",
 *                  "Tokyo"); never a word that is also an everyday one ("Anh" is "you", "Ý" is "idea")
 * @param confirmed the numbers were read on an official page ({@code source}); unconfirmed rows name the country
 *                  but give no number
 */
public record Country(
        String iso2,
        String nameVi,
        String nameEn,
        List<String> names,
        String police,
        String ambulance,
        String fire,
        String general,
        boolean confirmed,
        String source) {

    public Country {
        names = List.copyOf(names);
    }

    public String name(Language language) {
        return language == Language.VI ? nameVi : nameEn;
    }

    /** The name as it reads after "in": "in the United States", "in the Philippines", "in Japan". */
    public String nameAfterIn(Language language) {
        boolean article = language == Language.EN
                && (nameEn.startsWith("United ") || nameEn.equals("Philippines") || nameEn.equals("Netherlands"));
        return article ? "the " + nameEn : name(language);
    }

    /**
     * Whom to call, in the citizen's language: "112; cảnh sát 110; cấp cứu, cứu hỏa 119"; empty when unconfirmed or
     * no number is known.
     */
    public String emergencyNumbers(Language language) {
        if (!confirmed) {
            return "";
        }
        boolean vi = language == Language.VI;
        List<String> parts = new ArrayList<>();
        if (!general.isEmpty()) {
            parts.add(general);
        }
        if (!ambulance.isEmpty() && ambulance.equals(fire)) {
            add(parts, vi ? "cảnh sát" : "police", police);
            add(parts, vi ? "cấp cứu, cứu hỏa" : "ambulance, fire", ambulance);
        } else {
            add(parts, vi ? "cảnh sát" : "police", police);
            add(parts, vi ? "cấp cứu" : "ambulance", ambulance);
            add(parts, vi ? "cứu hỏa" : "fire", fire);
        }
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String what, String number) {
        if (!number.isEmpty()) {
            parts.add(what + " " + number);
        }
    }
}
