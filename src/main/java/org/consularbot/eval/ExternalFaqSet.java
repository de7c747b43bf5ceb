package org.consularbot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;
import org.consularbot.faq.SmallTalkRules;
import org.consularbot.faq.SourceLocation;
import org.consularbot.faq.Topic;

/**
 * Turns an external FAQ set (JSONL or CSV rows of {@code id, question, answer}, optional {@code topic} and
 * {@code lang}) into a corpus, so {@code eval} can measure the matcher on public FAQ sets. Rows sharing an id
 * are paraphrases of one entry. The base corpus lends its synonyms, urgent phrases and small talk; the learned
 * reading is trained on the set's own questions alone.
 */
public final class ExternalFaqSet {

    private ExternalFaqSet() {}

    public static Corpus read(Path file, Corpus base) throws IOException {
        boolean csv = file.getFileName().toString().endsWith(".csv");
        List<JsonNode> rows = csv ? csv(file) : jsonl(file);
        Map<String, Map<Language, List<String>>> questions = new LinkedHashMap<>();
        Map<String, Map<Language, String>> answers = new LinkedHashMap<>();
        Map<String, String> topics = new LinkedHashMap<>();
        int line = csv ? 1 : 0; // a CSV's first line is its header
        for (JsonNode row : rows) {
            line++;
            String id = row.path("id").asText("").strip();
            String question = row.path("question").asText("").strip();
            if (id.isEmpty() || question.isEmpty()) {
                throw new IllegalArgumentException(file + ": row " + line + " needs 'id' and 'question'");
            }
            Language language = Language.fromCode(row.path("lang").asText("en")).orElse(Language.EN);
            questions
                    .computeIfAbsent(id, k -> new EnumMap<>(Language.class))
                    .computeIfAbsent(language, k -> new ArrayList<>())
                    .add(question);
            String answer = row.path("answer").asText("").strip();
            if (!answer.isEmpty()) {
                answers.computeIfAbsent(id, k -> new EnumMap<>(Language.class)).putIfAbsent(language, answer);
            }
            topics.putIfAbsent(id, row.path("topic").asText("imported").strip());
        }
        Map<String, Topic> topicMap = new LinkedHashMap<>();
        topics.values().forEach(t -> topicMap.putIfAbsent(t, new Topic(t, t, t, "imported")));
        List<FaqEntry> entries = new ArrayList<>();
        questions.forEach((id, byLanguage) -> entries.add(new FaqEntry(
                id,
                topics.get(id),
                byLanguage,
                answers.getOrDefault(id, Map.of()),
                List.of(file.toString()),
                LocalDate.EPOCH,
                Optional.empty(),
                List.of(),
                new SourceLocation(file.getFileName().toString(), 0))));
        // The set defines its own scope: the base's declines (host authority, another embassy's visas…) and its
        // examples (labelled with the base's topics) would turn the set's own questions away.
        SmallTalkRules smallTalkOnly = new SmallTalkRules(
                base.smallTalk().chitchat(), List.of(), base.smallTalk().filler());
        return new Corpus(
                        topicMap,
                        entries,
                        base.mission(),
                        base.synonyms(),
                        base.urgentRules(),
                        smallTalkOnly,
                        file.toString(),
                        base.docs(),
                        List.of(),
                        null)
                .trained();
    }

    private static List<JsonNode> jsonl(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(mapper.readTree(line));
            }
        }
        return rows;
    }

    private static List<JsonNode> csv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            return it.readAll();
        }
    }
}
