package org.consularbot.faq;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Reads {@code faq/smalltalk.yaml}: the small-talk and decline classes, their phrases, replies and exceptions. */
final class SmallTalkReader {

    private SmallTalkReader() {}

    static SmallTalkRules read(Path file, Mission mission, List<CorpusProblem> problems) {
        if (!Files.exists(file)) {
            return SmallTalkRules.none();
        }
        YamlDocument doc = YamlDocument.read(file, "smalltalk.yaml", problems);
        return new SmallTalkRules(
                kinds(doc, "chitchat", mission, problems),
                kinds(doc, "decline", mission, problems),
                PhraseLists.of(doc, "filler"));
    }

    private static List<SmallTalkRules.Kind> kinds(
            YamlDocument doc, String key, Mission mission, List<CorpusProblem> problems) {
        List<SmallTalkRules.Kind> kinds = new ArrayList<>();
        for (YamlDocument.Item item : doc.list(key)) {
            String id = EntryReader.text(item.node(), "class");
            Map<Language, String> reply = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String text = EntryReader.text(item.node().path("reply"), language.code());
                if (text == null) {
                    problems.add(new CorpusProblem(
                            doc.lineOf(item, "reply"),
                            key + " class '" + id + "' needs a reply in '" + language.code() + "'"));
                } else {
                    Matcher placeholder = Corpus.PLACEHOLDER.matcher(text);
                    while (mission != null && placeholder.find()) {
                        if (mission.fact(placeholder.group(1), language) == null) {
                            problems.add(new CorpusProblem(
                                    doc.lineOf(item, "reply"),
                                    "{{" + placeholder.group(1) + "}} is not in mission.yaml"));
                        }
                    }
                    reply.put(language, text.strip());
                }
            }
            List<UrgentRules.Phrase> phrases = PhraseLists.of(item.node().path("phrases"));
            if (id == null || phrases.isEmpty() && !item.node().has("emoji")) {
                problems.add(new CorpusProblem(
                        doc.lineOf(item, "class"), key + ": each class needs a 'class' and 'phrases'"));
                continue;
            }
            kinds.add(new SmallTalkRules.Kind(
                    id,
                    phrases,
                    EntryReader.strings(item.node().path("emoji")),
                    reply,
                    unless(item.node().path("unless"))));
        }
        return kinds;
    }

    /**
     * What rules a class out: its {@code phrases}, and each phrase of {@code first} followed by one of {@code then}
     * ("trip to" + "Hanoi"), so that twenty ways of going and twenty places need not be written out 400 times.
     */
    private static List<UrgentRules.Phrase> unless(JsonNode node) {
        List<UrgentRules.Phrase> out = new ArrayList<>(PhraseLists.of(node.path("phrases")));
        for (UrgentRules.Phrase first : PhraseLists.of(node.path("first"))) {
            for (UrgentRules.Phrase then : PhraseLists.of(node.path("then"))) {
                List<UrgentRules.Word> words = new ArrayList<>(first.words());
                words.addAll(then.words());
                out.add(new UrgentRules.Phrase(words));
            }
        }
        return out;
    }
}
