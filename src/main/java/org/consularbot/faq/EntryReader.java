package org.consularbot.faq;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks the entries of one topic file; every problem names the file and the line. */
final class EntryReader {

    static final int MIN_QUESTIONS = 3;
    static final int ADVISED_ANSWER_LENGTH = 700;
    private static final Set<String> FIELDS =
            Set.of("id", "topic", "questions", "answer", "sources", "reviewed", "expires", "keywords");
    /** Ids are stored with conversations (follow-up context, feedback): 200 characters at most. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");

    private final Map<String, Topic> topics;
    /** Null when mission.yaml could not be read: its own error is reported, placeholders are not checked. */
    private final Mission mission;

    private final LocalDate today;
    private final List<CorpusProblem> problems;
    private final List<CorpusProblem> warnings;
    private final Map<String, SourceLocation> seenIds = new HashMap<>();
    private final SourcePolicy policy;

    /** An answer with a figure (fee, phone, time limit, list count, law number) or a phone placeholder goes stale. */
    private static final Pattern PERISHABLE =
            Pattern.compile("\\d|\\{\\{\\s*(hotline|hotline_from_vietnam|mission_phones)\\s*}}");
    /** How far ahead {@code expires} may be: a perishable answer is looked at again within a year. */
    static final int MAX_MONTHS_AHEAD = 12;

    EntryReader(
            Map<String, Topic> topics,
            Mission mission,
            SourcePolicy policy,
            LocalDate today,
            List<CorpusProblem> problems,
            List<CorpusProblem> warnings) {
        this.topics = topics;
        this.mission = mission;
        this.policy = policy;
        this.today = today;
        this.problems = problems;
        this.warnings = warnings;
    }

    List<FaqEntry> read(YamlDocument doc) {
        List<FaqEntry> entries = new ArrayList<>();
        for (String key : doc.keys()) {
            if (!key.equals("entries")) {
                problems.add(
                        new CorpusProblem(doc.at(1), "unknown key '" + key + "' (a topic file has only 'entries:')"));
            }
        }
        for (YamlDocument.Item item : doc.list("entries")) {
            read(doc, item).ifPresent(entries::add);
        }
        return entries;
    }

    private Optional<FaqEntry> read(YamlDocument doc, YamlDocument.Item item) {
        JsonNode node = item.node();
        int before = problems.size();
        if (!node.isObject()) {
            problems.add(new CorpusProblem(
                    doc.at(item.line()), "an entry must be 'key: value' lines (id, topic, questions, ...)"));
            return Optional.empty();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problem(
                        doc,
                        item,
                        name,
                        "unknown field '" + name + "' (allowed: "
                                + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String id = text(node, "id");
        if (id == null) {
            problem(doc, item, "id", "entry has no 'id'");
        } else if (!ID.matcher(id).matches()) {
            problem(doc, item, "id", "id '" + id + "' may use only a-z, 0-9, '.', '-' and '_', 200 characters at most");
        } else if (seenIds.containsKey(id)) {
            problem(doc, item, "id", "duplicate id '" + id + "' (first used at " + seenIds.get(id) + ")");
        } else {
            seenIds.put(id, doc.at(item.line()));
        }
        String label = "entry '" + (id == null ? "?" : id) + "': ";
        String topic = text(node, "topic");
        if (topic == null) {
            problem(doc, item, "topic", label + "no 'topic'");
        } else if (!topics.containsKey(topic)) {
            problem(doc, item, "topic", label + "unknown topic '" + topic + "' (see topics.tsv)");
        }
        Map<Language, List<String>> questions = new EnumMap<>(Language.class);
        Map<Language, String> answers = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<String> list = strings(node.path("questions").path(language.code()));
            if (list.isEmpty()) {
                problem(doc, item, "questions", label + "missing language '" + language.code() + "' in questions");
            } else if (list.size() < MIN_QUESTIONS) {
                problem(
                        doc,
                        item,
                        "questions",
                        label + "needs at least " + MIN_QUESTIONS + " questions in '" + language.code() + "', has "
                                + list.size());
            }
            questions.put(language, list);
            String answer = text(node.path("answer"), language.code());
            if (answer == null) {
                problem(doc, item, "answer", label + "missing language '" + language.code() + "' in answer");
                continue;
            }
            answers.put(language, answer.strip());
            checkPlaceholders(doc, item, label, answer);
            if (answer.strip().length() > ADVISED_ANSWER_LENGTH) {
                warnings.add(new CorpusProblem(
                        doc.lineOf(item, "answer"),
                        label + language.code() + " answer has "
                                + answer.strip().length() + " characters; under " + ADVISED_ANSWER_LENGTH
                                + " reads better on a phone"));
            }
        }
        List<String> sources = strings(node.path("sources"));
        if (sources.isEmpty()) {
            problem(doc, item, "sources", label + "missing source: list the official page(s) the answer comes from");
        }
        sources.stream()
                .filter(s -> !s.startsWith("https://") && !s.startsWith("http://"))
                .forEach(s -> problem(doc, item, "sources", label + "source '" + s + "' is not a web address"));
        checkSources(doc, item, label, sources);
        LocalDate reviewed = date(doc, item, label, "reviewed", true);
        LocalDate expires = date(doc, item, label, "expires", false);
        if (expires != null && expires.isBefore(today)) {
            problems.add(new CorpusProblem(
                    doc.lineOf(item, "expires"),
                    label + "expired on " + expires + ": review the answer, then move or remove 'expires'",
                    CorpusProblem.Kind.EXPIRED));
        }
        if (expires != null && expires.isAfter(today.plusMonths(MAX_MONTHS_AHEAD))) {
            problem(
                    doc,
                    item,
                    "expires",
                    label + "expires more than " + MAX_MONTHS_AHEAD + " months ahead (" + expires
                            + "): set a date within a year so the answer is checked again");
        }
        if (expires == null
                && answers.values().stream().anyMatch(a -> PERISHABLE.matcher(a).find())) {
            problem(
                    doc,
                    item,
                    "answer",
                    label + "the answer states a figure or phone number (a fee, time limit, law, list"
                            + " or the hotline): add 'expires: YYYY-MM-DD' within " + MAX_MONTHS_AHEAD
                            + " months so it is checked again");
        }
        List<String> keywords = strings(node.path("keywords"));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FaqEntry(
                id,
                topic,
                questions,
                answers,
                policy.officialFirst(sources),
                reviewed,
                Optional.ofNullable(expires),
                keywords,
                doc.at(item.line())));
    }

    /** Purged and unlisted sites are refused; an entry needs at least one official source (faq/sources.yaml). */
    private void checkSources(YamlDocument doc, YamlDocument.Item item, String label, List<String> sources) {
        if (policy.isEmpty()) {
            return;
        }
        for (String source : sources) {
            switch (policy.standing(source)) {
                case PURGED ->
                    problem(
                            doc,
                            item,
                            "sources",
                            label + "source '" + source
                                    + "' is on the purge list in sources.yaml (not an official site): cite the official page instead");
                case UNLISTED ->
                    problem(
                            doc,
                            item,
                            "sources",
                            label + "source '" + source + "' is on no list in sources.yaml:"
                                    + " cite an official page, or add the site to sources.yaml if it is official");
                default -> {}
            }
        }
        if (!sources.isEmpty()
                && sources.stream().noneMatch(s -> policy.standing(s) == SourcePolicy.Standing.OFFICIAL)) {
            problem(
                    doc,
                    item,
                    "sources",
                    label + "no official source (government, law database, mission, news agency,"
                            + " international body or host government in sources.yaml): the citizen must be shown one");
        }
    }

    private void checkPlaceholders(YamlDocument doc, YamlDocument.Item item, String label, String answer) {
        Matcher matcher = Corpus.PLACEHOLDER.matcher(answer);
        while (mission != null && matcher.find()) {
            if (!mission.facts().containsKey(matcher.group(1))) {
                problem(
                        doc,
                        item,
                        "answer",
                        label + "unknown placeholder {{" + matcher.group(1) + "}} (defined in mission.yaml: "
                                + String.join(
                                        ", ",
                                        mission.facts().keySet().stream()
                                                .sorted()
                                                .toList()) + ")");
            }
        }
    }

    private LocalDate date(YamlDocument doc, YamlDocument.Item item, String label, String field, boolean required) {
        String value = text(item.node(), field);
        if (value == null) {
            if (required) {
                problem(doc, item, field, label + "no '" + field + "' date");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problem(doc, item, field, label + "malformed date '" + value + "' in '" + field + "' (write YYYY-MM-DD)");
            return null;
        }
    }

    private void problem(YamlDocument doc, YamlDocument.Item item, String field, String message) {
        problems.add(new CorpusProblem(doc.lineOf(item, field), message));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null
                        || value.isNull()
                        || value.isContainerNode()
                        || value.asText().isBlank()
                ? null
                : value.asText();
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isValueNode() && !n.asText().isBlank()) {
                    out.add(n.asText().strip());
                }
            });
        } else if (node.isValueNode() && !node.asText().isBlank()) {
            out.add(node.asText().strip());
        }
        return out;
    }
}
