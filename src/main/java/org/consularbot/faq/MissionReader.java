package org.consularbot.faq;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code mission.yaml}: the mission's name, host countries, time zone and facts (phones in international
 * format, each confirmed or marked unconfirmed with why), each problem named by its line.
 */
final class MissionReader {

    private MissionReader() {}

    /** A mission fact staff know exists but no official source has confirmed: {@code unconfirmed: <why>}. */
    private static final String UNCONFIRMED = "unconfirmed";
    /** A phone any caller can dial, from abroad or from Viet Nam: + and the country code. */
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9 ().-]{6,}");

    static Mission read(Path file, List<CorpusProblem> problems) {
        int before = problems.size();
        YamlDocument doc = YamlDocument.read(file, "mission.yaml", problems);
        JsonNode mission = doc.value("mission");
        JsonNode facts = doc.value("facts");
        if (!Files.exists(file) || mission == null || facts == null || !facts.isObject()) {
            if (problems.size() == before) { // after a syntax error, the error itself says what to mend
                problems.add(new CorpusProblem(
                        doc.at(1), "mission.yaml needs 'mission:' (id, name, timezone) and 'facts:'"));
            }
            return new Mission("?", Map.of(Language.VI, "?", Language.EN, "?"), ZoneId.of("UTC"), Map.of());
        }
        Map<Language, String> name = localized(mission.path("name"));
        if (name.size() < 2) {
            problems.add(new CorpusProblem(doc.at(1), "mission.yaml: 'name' needs 'vi' and 'en'"));
        }
        ZoneId zone = ZoneId.of("UTC");
        try {
            zone = ZoneId.of(mission.path("timezone").asText("UTC"));
        } catch (DateTimeException e) {
            problems.add(new CorpusProblem(
                    doc.at(1),
                    "mission.yaml: unknown timezone '"
                            + mission.path("timezone").asText() + "' (e.g. America/Toronto)"));
        }
        Map<String, Map<Language, String>> values = new LinkedHashMap<>();
        Map<String, String> unconfirmed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> fact = it.next();
            JsonNode node = fact.getValue();
            if (node.isObject() && node.has(UNCONFIRMED)) {
                unconfirmed.put(fact.getKey(), node.path(UNCONFIRMED).asText("").strip());
                continue;
            }
            Map<Language, String> value = localized(node.isObject() && node.has("value") ? node.path("value") : node);
            if (value.size() < 2) {
                problems.add(
                        new CorpusProblem(
                                doc.at(1),
                                "mission.yaml: fact '" + fact.getKey()
                                        + "' needs a value (or 'vi' and 'en' values), or 'unconfirmed: <why>' until a source confirms it"));
            } else if (fact.getKey().contains("phone")
                    && !INTERNATIONAL.matcher(value.get(Language.EN)).matches()) {
                problems.add(new CorpusProblem(
                        doc.at(1),
                        "mission.yaml: fact '" + fact.getKey() + "' is '"
                                + value.get(Language.EN)
                                + "': write phones in international format (+ country code, e.g. +1 613 …)"
                                + " so a family in Viet Nam can dial them"));
            }
            values.put(fact.getKey(), value);
        }
        if (!values.containsKey("hotline")) {
            problems.add(new CorpusProblem(doc.at(1), "mission.yaml: the 'hotline' fact is required"));
        }
        Map<Language, String> website = values.getOrDefault("mission_website", Map.of());
        unconfirmed
                .keySet()
                .forEach(key -> values.put(
                        key,
                        Map.of(
                                Language.VI,
                                        "xem trang web của cơ quan đại diện"
                                                + (website.isEmpty() ? "" : ": " + website.get(Language.VI)),
                                Language.EN,
                                        "see the mission's website"
                                                + (website.isEmpty() ? "" : ": " + website.get(Language.EN)))));
        return new Mission(mission.path("id").asText("mission"), name, zone, values, unconfirmed);
    }

    private static Map<Language, String> localized(JsonNode node) {
        Map<Language, String> out = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String value = node.isObject()
                    ? EntryReader.text(node, language.code())
                    : node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
            if (value != null) {
                out.put(language, value.strip());
            }
        }
        return out;
    }
}
