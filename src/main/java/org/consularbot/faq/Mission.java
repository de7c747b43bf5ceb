package org.consularbot.faq;

import java.time.ZoneId;
import java.util.Map;

/**
 * The mission this deployment speaks for, and the facts answers refer to as {@code {{key}}}. Facts may differ
 * by language; a fact given once applies to both. A fact no official source has confirmed yet (its office phone,
 * address or hours) is kept in {@code unconfirmed} with the staff's note, and answers say "see the mission's
 * website" in its place: a wrong number costs a citizen in trouble more than a link.
 */
public record Mission(
        String id,
        Map<Language, String> name,
        ZoneId timeZone,
        Map<String, Map<Language, String>> facts,
        Map<String, String> unconfirmed) {

    public Mission {
        name = Map.copyOf(name);
        facts = Map.copyOf(facts);
        unconfirmed = Map.copyOf(unconfirmed);
    }

    public Mission(String id, Map<Language, String> name, ZoneId timeZone, Map<String, Map<Language, String>> facts) {
        this(id, name, timeZone, facts, Map.of());
    }

    public String name(Language language) {
        return name.get(language);
    }

    public String fact(String key, Language language) {
        Map<Language, String> values = facts.get(key);
        return values == null ? null : values.get(language);
    }
}
