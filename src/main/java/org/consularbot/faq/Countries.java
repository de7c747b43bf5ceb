package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The countries of {@code faq/countries.tsv}, and which one a message names. A citizen writing "em ở Nhật bị đánh"
 * to a mission in Canada needs Japan's emergency numbers and the Vietnamese mission in Japan, never Canada's 911:
 * emergency replies ask {@link #named} first. A message naming two countries names none (where the citizen is
 * cannot be told), and nor does one naming only the mission's own host country.
 * <p>Not yet used by replies: reviewed unsafe (bare-letter matches of everyday words, "ba lần" as Ba Lan;
 * nationalities and destinations taken for where the citizen is). The table itself is validated at load.
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
            names.add(country.names().stream().map(this::words).filter(w -> !w.isEmpty()).toList());
        }
    }

    public List<Country> all() {
        return countries;
    }

    public Optional<Country> byCode(String iso2) {
        return countries.stream().filter(c -> c.iso2().equalsIgnoreCase(iso2)).findFirst();
    }

    /** The one country other than {@code host} the message names, if exactly one. */
    public Optional<Country> named(String message, String host) {
        if (message == null || message.isBlank() || countries.isEmpty()) {
            return Optional.empty();
        }
        List<NormalizedText.Token> words = words(message.length() > EmergencyTriage.MAX_CHARS ? message.substring(0, EmergencyTriage.MAX_CHARS) : message);
        Country found = null;
        for (int i = 0; i < countries.size(); i++) {
            Country country = countries.get(i);
            if (country.iso2().equalsIgnoreCase(host) || names.get(i).stream().noneMatch(name -> contains(words, name))) {
                continue;
            }
            if (found != null) {
                return Optional.empty();
            }
            found = country;
        }
        return Optional.ofNullable(found);
    }

    private List<NormalizedText.Token> words(String text) {
        return normalizer.normalize(text).tokens();
    }

    private static boolean contains(List<NormalizedText.Token> words, List<NormalizedText.Token> name) {
        for (int start = 0; start + name.size() <= words.size(); start++) {
            boolean all = true;
            for (int i = 0; i < name.size() && all; i++) {
                all = same(words.get(start + i), name.get(i));
            }
            if (all) {
                return true;
            }
        }
        return false;
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
