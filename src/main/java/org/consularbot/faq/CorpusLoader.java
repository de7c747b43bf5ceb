package org.consularbot.faq;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a corpus directory (or the one bundled in the jar) and validates all of it, collecting every problem
 * with its file and line rather than stopping at the first, so staff can fix a file in one pass.
 */
public final class CorpusLoader {

    /** What validation found: the corpus when there were no problems, and advice that does not block. */
    public record Report(Optional<Corpus> corpus, List<CorpusProblem> problems, List<CorpusProblem> warnings) {
        public Corpus orThrow() throws InvalidCorpusException {
            if (corpus.isEmpty()) {
                throw new InvalidCorpusException(problems);
            }
            return corpus.get();
        }
    }

    public static final String BUNDLED = "bundled";

    private final Clock clock;
    private final ModelCache models;

    /** A loader that trains the reading at every load. */
    public CorpusLoader(Clock clock) {
        this(clock, ModelCache.NONE);
    }

    /** A loader that takes the reading's models from {@code models} when they were trained on the same. */
    public CorpusLoader(Clock clock, ModelCache models) {
        this.clock = clock;
        this.models = models;
    }

    public Corpus load(Path dir) throws InvalidCorpusException {
        return check(dir).orThrow();
    }

    /** The corpus shipped inside the jar (the {@code faq/} folder at build time). */
    public Corpus loadBundled() throws InvalidCorpusException {
        URL marker = CorpusLoader.class.getClassLoader().getResource("faq/topics.tsv");
        if (marker == null) {
            throw new IllegalStateException("no corpus bundled on the class path (faq/topics.tsv)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return check(jar.getPath("/faq"), BUNDLED).orThrow();
            }
            return check(Path.of(uri).getParent(), BUNDLED).orThrow();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled corpus", e);
        }
    }

    public Report check(Path dir) {
        return check(dir, dir.toString(), true);
    }

    /**
     * Validation alone: every file checked as {@link #check} does, the reading not trained (a minute on the real
     * corpus). For an edit checked before it is written; whoever loads it afterwards trains.
     */
    public Report checkUntrained(Path dir) {
        return check(dir, dir.toString(), false);
    }

    private Report check(Path dir, String origin) {
        return check(dir, origin, true);
    }

    private Report check(Path dir, String origin, boolean train) {
        List<CorpusProblem> problems = new ArrayList<>();
        List<CorpusProblem> warnings = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new CorpusProblem(new SourceLocation(dir.toString(), 0), "not a corpus directory"));
            return new Report(Optional.empty(), problems, warnings);
        }
        Map<String, Topic> topics = readTopics(dir.resolve("topics.tsv"), problems);
        int beforeMission = problems.size();
        Mission mission = MissionReader.read(dir.resolve("mission.yaml"), problems);
        // One typo in mission.yaml must read as one error, not as every {{placeholder}} in the corpus being unknown.
        Mission placeholders = problems.size() == beforeMission ? mission : null;
        Synonyms synonyms = Files.exists(dir.resolve("synonyms.txt"))
                ? Synonyms.parse(readText(dir.resolve("synonyms.txt"), problems), "synonyms.txt", problems)
                : Synonyms.empty();
        UrgentRules urgent = readUrgent(dir.resolve("urgent.yaml"), topics, problems);
        SmallTalkRules smallTalk = SmallTalkReader.read(dir.resolve("smalltalk.yaml"), placeholders, problems);
        SourcePolicy policy = readSources(dir.resolve("sources.yaml"), problems);
        EntryReader reader = new EntryReader(topics, placeholders, policy, LocalDate.now(clock), problems, warnings);
        List<FaqEntry> entries = new ArrayList<>();
        for (Path file : entryFiles(dir.resolve("entries"), problems)) {
            String name = "entries/" + file.getFileName();
            entries.addAll(reader.read(YamlDocument.read(file, name, problems)));
        }
        Set<String> situationIds =
                urgent.situations().stream().map(UrgentRules.Situation::id).collect(Collectors.toSet());
        urgent.situations()
                .forEach(s -> s.refines().stream()
                        .filter(r -> !situationIds.contains(r))
                        .forEach(r -> problems.add(new CorpusProblem(
                                new SourceLocation("urgent.yaml", 0),
                                "situation '" + s.id() + "' refines '" + r + "', which is no situation in the file"))));
        Set<String> entryIds = entries.stream().map(FaqEntry::id).collect(Collectors.toSet());
        // A warning, not an error: the situation still shows its topic's first entry, and the hotline comes first
        // anyway.
        urgent.situations().stream()
                .filter(s -> s.entry() != null && !entryIds.contains(s.entry()))
                .forEach(s -> warnings.add(new CorpusProblem(
                        new SourceLocation("urgent.yaml", 0),
                        "situation '" + s.id() + "' names the entry '" + s.entry()
                                + "', which no file in entries/ has; the first entry of '" + s.topic()
                                + "' is shown")));
        List<OfficialDoc> docs = new DocReader(topics, problems, warnings).readAll(dir.resolve("docs"));
        for (OfficialDoc doc : docs) {
            SourcePolicy.Standing standing = policy.standing(doc.source());
            if (standing == SourcePolicy.Standing.PURGED || standing == SourcePolicy.Standing.UNLISTED) {
                problems.add(new CorpusProblem(
                        new SourceLocation("docs/" + doc.id() + ".md", 0),
                        "source '" + doc.source()
                                + "' is "
                                + (standing == SourcePolicy.Standing.PURGED ? "on the purge list" : "on no list")
                                + " in sources.yaml: cite the official page"));
            }
        }
        List<Country> countries = new CountryReader(policy, problems).read(dir.resolve(CountryReader.FILE));
        String host = mission == null ? null : mission.fact("host_country", Language.EN);
        if (host != null
                && !countries.isEmpty()
                && countries.stream().noneMatch(c -> c.iso2().equals(host))) {
            warnings.add(new CorpusProblem(
                    new SourceLocation("mission.yaml", 0), "host_country '" + host + "' is not in countries.tsv"));
        }
        List<Example> examples =
                new ExampleReader(topics.keySet(), urgent, smallTalk, problems).readAll(dir.resolve("examples"));
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(
                    new CorpusProblem(new SourceLocation("entries/", 0), "no entries: add at least one topic file"));
        }
        Optional<Corpus> corpus = problems.isEmpty()
                ? Optional.of(new Corpus(
                                topics,
                                entries,
                                mission,
                                synonyms,
                                urgent,
                                smallTalk,
                                origin,
                                List.copyOf(docs),
                                examples,
                                null,
                                new Countries(countries, new TextNormalizer(synonyms))))
                        .map(untrained -> train ? untrained.trained(models) : untrained)
                : Optional.empty();
        return new Report(corpus, List.copyOf(problems), List.copyOf(warnings));
    }

    private static List<Path> entryFiles(Path dir, List<CorpusProblem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new CorpusProblem(
                    new SourceLocation("entries/", 0), "missing folder 'entries' with the topic files"));
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")
                            || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readText(Path file, List<CorpusProblem> problems) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new CorpusProblem(
                    new SourceLocation(file.getFileName().toString(), 0), "cannot read: " + e.getMessage()));
            return "";
        }
    }

    private static Map<String, Topic> readTopics(Path file, List<CorpusProblem> problems) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            problems.add(new CorpusProblem(new SourceLocation("topics.tsv", 0), "missing topics.tsv (the topic list)"));
            return topics;
        }
        String[] lines = readText(file, problems).split("\r?\n");
        for (int i = 1; i < lines.length; i++) { // line 1 is the header
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            SourceLocation at = new SourceLocation("topics.tsv", i + 1);
            if (cells.length < 3 || cells[0].isBlank()) {
                problems.add(new CorpusProblem(at, "write: id<TAB>Vietnamese name<TAB>English name<TAB>scope"));
            } else if (topics.containsKey(cells[0].strip())) {
                problems.add(new CorpusProblem(at, "duplicate topic '" + cells[0].strip() + "'"));
            } else {
                String followUp = cells.length > 4 ? cells[4].strip() : "";
                if (!followUp.isEmpty() && !followUp.equals("facet")) {
                    problems.add(new CorpusProblem(
                            at,
                            "the follow_up column is empty or 'facet' (a topic across procedures), not '" + followUp
                                    + "'"));
                }
                topics.put(
                        cells[0].strip(),
                        new Topic(
                                cells[0].strip(),
                                cells[1].strip(),
                                cells[2].strip(),
                                cells.length > 3 ? cells[3].strip() : "",
                                followUp.equals("facet")));
            }
        }
        return topics;
    }

    private static UrgentRules readUrgent(Path file, Map<String, Topic> topics, List<CorpusProblem> problems) {
        if (!Files.exists(file)) {
            return UrgentRules.none();
        }
        YamlDocument doc = YamlDocument.read(file, "urgent.yaml", problems);
        List<UrgentRules.Situation> situations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlDocument.Item item : doc.list("situations")) {
            String id = EntryReader.text(item.node(), "id");
            String topic = EntryReader.text(item.node(), "topic");
            if (id == null || topic == null || !topics.containsKey(topic)) {
                problems.add(new CorpusProblem(
                        doc.lineOf(item, "topic"),
                        "each situation needs an 'id' and a known 'topic' (got '" + topic + "')"));
                continue;
            }
            if (!ids.add(id)) {
                problems.add(new CorpusProblem(doc.lineOf(item, "id"), "situation '" + id + "' is listed twice"));
            }
            List<UrgentRules.Phrase> danger = PhraseLists.of(item.node().path("danger"));
            if (danger.isEmpty()) {
                problems.add(new CorpusProblem(
                        doc.lineOf(item, "danger"), "situation '" + id + "' has no 'danger' phrases"));
            }
            situations.add(new UrgentRules.Situation(
                    id,
                    topic,
                    EntryReader.text(item.node(), "entry"),
                    danger,
                    PhraseLists.of(item.node().path("signals")),
                    PhraseLists.of(item.node().path("not")),
                    EntryReader.strings(item.node().path("refines")),
                    PhraseLists.of(item.node().path("context"))));
        }
        UrgentRules.Cues cues = new UrgentRules.Cues(
                PhraseLists.of(doc, "distress"),
                PhraseLists.of(doc, "immediate"),
                PhraseLists.of(doc, "personal"),
                PhraseLists.of(doc, "hypothetical"),
                PhraseLists.of(doc, "past"),
                PhraseLists.of(doc, "ongoing"),
                PhraseLists.of(doc, "resolved"),
                PhraseLists.of(doc, "general"),
                PhraseLists.of(doc, "negation"));
        return new UrgentRules(situations, cues, PhraseLists.of(doc, "not"));
    }

    /** The source policy of a corpus folder ({@code sources.yaml}), for tools that check citations. */
    public SourcePolicy sourcePolicy(Path dir) {
        return readSources(dir.resolve("sources.yaml"), new ArrayList<>());
    }

    private static SourcePolicy readSources(Path file, List<CorpusProblem> problems) {
        if (!Files.exists(file)) {
            return SourcePolicy.none();
        }
        YamlDocument doc = YamlDocument.read(file, "sources.yaml", problems);
        Map<String, List<String>> official = new LinkedHashMap<>();
        JsonNode classes = doc.value("official");
        if (classes == null || !classes.isObject() || classes.isEmpty()) {
            problems.add(new CorpusProblem(
                    new SourceLocation("sources.yaml", 1), "'official:' must list classes of official sites"));
        } else {
            classes.fields().forEachRemaining(e -> official.put(e.getKey(), domains(e.getValue())));
        }
        return new SourcePolicy(official, domains(doc.list("media")), domains(doc.list("purged")));
    }

    private static List<String> domains(JsonNode node) {
        return EntryReader.strings(node).stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static List<String> domains(List<YamlDocument.Item> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.addAll(domains(i.node())));
        return out;
    }
}
