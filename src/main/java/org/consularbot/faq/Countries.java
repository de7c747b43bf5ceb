package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The countries of {@code faq/countries.tsv}, and which one a message names. A citizen writing "em ở Nhật bị đánh"
 * to a mission in Canada needs Japan's emergency numbers and the Vietnamese mission in Japan, never Canada's 911:
 * emergency replies ask {@link #whereabouts} first. A message naming two other countries is unclear (where the citizen
 * is cannot be told); one naming only the mission's own host country keeps the mission's facts.
 * <p>A name typed without diacritics counts only after a word of place, and nationalities do not count: "ba lần"
 * typed "ba lan" is not Poland, "lấy chồng người Hàn" says nothing of where she is. The table is validated at load.
 */
public final class Countries {

    /** No table: replies use the mission's own facts. */
    public static final Countries NONE = new Countries(List.of(), null);

    private final List<Country> countries;
    private final TextNormalizer normalizer;
    /** Per country, each name as words. */
    private final List<List<List<NormalizedText.Token>>> names = new ArrayList<>();

    Countries(List<Country> countries, TextNormalizer normalizer) {
        this.countries = List.copyOf(countries);
        this.normalizer = normalizer;
        for (Country country : this.countries) {
            names.add(country.names().stream()
                    .map(this::words)
                    .filter(w -> !w.isEmpty())
                    .toList());
        }
    }

    public List<Country> all() {
        return countries;
    }

    public Optional<Country> byCode(String iso2) {
        return countries.stream().filter(c -> c.iso2().equalsIgnoreCase(iso2)).findFirst();
    }

    /**
     * Where the message says the person in danger is: nothing when it names no country, the mission's host country
     * when it names only that one, the one other country it names (even beside the host: "I live in Toronto, my
     * mother was hurt in Japan"), unclear when it names two others. A name is read only
     * where it says a place: not after "người" ("lấy chồng người Hàn" names a nationality), "from" or "từ"; and one that could
     * be other Vietnamese words (typed without its diacritics, or spelt like them: "ba lan" may be "ba lần", three
     * times) only right after a word of place ("o", "tai", "ben", "sang", "in", "at") or when the name starts with one.
     */
    public Whereabouts whereabouts(String message, String host) {
        if (message == null || message.isBlank() || countries.isEmpty()) {
            return Whereabouts.UNSAID;
        }
        List<NormalizedText.Token> words = words(
                message.length() > EmergencyTriage.MAX_CHARS
                        ? message.substring(0, EmergencyTriage.MAX_CHARS)
                        : message);
        Country found = null;
        boolean hostNamed = false;
        for (int i = 0; i < countries.size(); i++) {
            Country country = countries.get(i);
            if (names.get(i).stream().noneMatch(name -> saysPlace(words, name))) {
                continue;
            }
            if (country.iso2().equalsIgnoreCase(host)) {
                hostNamed = true;
                continue;
            }
            if (found != null) {
                return Whereabouts.UNCLEAR;
            }
            found = country;
        }
        return found != null ? Whereabouts.in(found) : hostNamed ? Whereabouts.HOST : Whereabouts.UNSAID;
    }

    /** Words before a name that make it a place: "ở", "tại", "bên", "sang", "nước", "in", "at". */
    private static final Set<String> PLACE_WORDS = Set.of("o", "tai", "ben", "sang", "nuoc", "in", "at");
    /** Words before a name that make it no place: a nationality ("người Hàn") or an origin ("from Japan", "từ Campuchia"). */
    private static final Set<String> NOT_PLACE_WORDS = Set.of("nguoi", "from", "tu");

    private static boolean saysPlace(List<NormalizedText.Token> words, List<NormalizedText.Token> name) {
        for (int start = 0; start + name.size() <= words.size(); start++) {
            boolean all = true;
            boolean ambiguous = true;
            for (int i = 0; i < name.size() && all; i++) {
                NormalizedText.Token word = words.get(start + i);
                all = same(word, name.get(i));
                ambiguous &= ambiguous(word, name.get(i));
                // "y" is also "y tế": a one-letter name (Ý) counts only typed with its mark.
                all &= name.get(i).folded().length() > 1
                        || PLACE_WORDS.contains(name.get(i).folded())
                        || word.written().equals(name.get(i).written());
            }
            if (!all) {
                continue;
            }
            String before = start == 0 ? "" : words.get(start - 1).folded();
            if (NOT_PLACE_WORDS.contains(before)) {
                continue;
            }
            if (!ambiguous
                    || PLACE_WORDS.contains(before)
                    || PLACE_WORDS.contains(name.get(0).folded())) {
                return true;
            }
        }
        return false;
    }

    private List<NormalizedText.Token> words(String text) {
        return normalizer.normalize(text).tokens();
    }

    /** Bare letters of a Vietnamese syllable: "lan" may be "lần", "thai" "thai sản"; "japan" or "osaka" cannot. */
    private static final Pattern SYLLABLE =
            Pattern.compile("(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?");

    /**
     * Whether the word could be another Vietnamese word than the name's: typed without the name's diacritics, or a
     * name without diacritics that spells a Vietnamese syllable ("Ba Lan" is also "ba lần" typed bare).
     */
    private static boolean ambiguous(NormalizedText.Token word, NormalizedText.Token name) {
        return !word.written().equals(name.written())
                || name.written().equals(name.folded())
                        && SYLLABLE.matcher(name.folded()).matches();
    }

    /**
     * A word typed with diacritics must be the name's word ("đại sứ quán" is not "Đài"); one typed without matches by
     * its bare letters ("o nhat" is "ở Nhật").
     */
    private static boolean same(NormalizedText.Token word, NormalizedText.Token name) {
        return word.written().equals(name.written())
                || word.written().equals(word.folded()) && word.folded().equals(name.folded());
    }
}
