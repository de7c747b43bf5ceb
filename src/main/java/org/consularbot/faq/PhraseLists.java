package org.consularbot.faq;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Phrase lists as the editable YAML files write them ({@code urgent.yaml}, {@code smalltalk.yaml}). */
final class PhraseLists {

    private PhraseLists() {}

    /** Phrases under a key, as a flat list or split by language ({@code vi:}, {@code en:}). */
    static List<UrgentRules.Phrase> of(JsonNode node) {
        List<String> written = new ArrayList<>(EntryReader.strings(node));
        node.path("vi").forEach(n -> written.add(n.asText()));
        node.path("en").forEach(n -> written.add(n.asText()));
        return written.stream()
                .map(UrgentRules.Phrase::of)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** The phrases of every item of a list under {@code key}. */
    static List<UrgentRules.Phrase> of(YamlDocument doc, String key) {
        List<UrgentRules.Phrase> out = new ArrayList<>();
        for (YamlDocument.Item item : doc.list(key)) {
            out.addAll(of(item.node()));
        }
        return out;
    }
}
