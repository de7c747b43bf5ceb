package org.consularbot.faq;

import java.time.ZoneId;
import java.util.Map;

/**
 * The mission this deployment speaks for, and the facts answers refer to as {@code {{key}}}. Facts may differ
 * by language; a fact given once applies to both.
 */
public record Mission(String id, Map<Language, String> name, ZoneId timeZone, Map<String, Map<Language, String>> facts) {

    public Mission {
        name = Map.copyOf(name);
        facts = Map.copyOf(facts);
    }

    public String name(Language language) {
        return name.get(language);
    }

    public String fact(String key, Language language) {
        Map<Language, String> values = facts.get(key);
        return values == null ? null : values.get(language);
    }
}
