package org.consularbot.faq;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated, immutable FAQ corpus: what the bot knows. Built only by {@link CorpusLoader} (or by importers
 * for evaluation), so holding one means it passed validation. {@code examples} are labelled real messages the
 * bot learns to read from (none in a corpus without {@code examples/}), and {@code classifier} what it learnt.
 */
public record Corpus(
        Map<String, Topic> topics,
        List<FaqEntry> entries,
        Mission mission,
        Synonyms synonyms,
        UrgentRules urgentRules,
        SmallTalkRules smallTalk,
        String origin,
        List<OfficialDoc> docs,
        List<Example> examples,
        MessageClassifier classifier,
        Countries countries) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.-]+)\\s*}}");
    private static final Pattern JOINED = Pattern.compile("\\s*(,|và|and|hoặc|or)\\s*");

    public Corpus {
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        entries = List.copyOf(entries);
        docs = docs == null ? List.of() : List.copyOf(docs);
        examples = examples == null ? List.of() : List.copyOf(examples);
        classifier = classifier == null ? MessageClassifier.NONE : classifier;
        countries = countries == null ? Countries.NONE : countries;
    }

    /** A corpus with no country table (imported FAQ sets, tests). */
    public Corpus(
            Map<String, Topic> topics,
            List<FaqEntry> entries,
            Mission mission,
            Synonyms synonyms,
            UrgentRules urgentRules,
            SmallTalkRules smallTalk,
            String origin,
            List<OfficialDoc> docs,
            List<Example> examples,
            MessageClassifier classifier) {
        this(topics, entries, mission, synonyms, urgentRules, smallTalk, origin, docs, examples, classifier, null);
    }

    /**
     * This corpus with a classifier trained on its examples and entries: what the loader returns, and what a corpus
     * built otherwise (an imported FAQ set) needs so that its own questions, not another corpus's, are the
     * ordinary ones.
     */
    public Corpus trained() {
        return trained(ModelCache.NONE);
    }

    /** {@link #trained()}, taking the models from the cache when it holds ones trained on the same. */
    public Corpus trained(ModelCache models) {
        return new Corpus(
                topics,
                entries,
                mission,
                synonyms,
                urgentRules,
                smallTalk,
                origin,
                docs,
                examples,
                MessageClassifier.train(entries, examples, new TextNormalizer(synonyms), models),
                countries);
    }

    /** This corpus learning from other examples: what cross-validation holds some out of. */
    public Corpus withExamples(List<Example> other, ModelCache models) {
        return new Corpus(
                        topics,
                        entries,
                        mission,
                        synonyms,
                        urgentRules,
                        smallTalk,
                        origin,
                        docs,
                        other,
                        null,
                        countries)
                .trained(models);
    }

    public Optional<FaqEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Topic topic(String id) {
        return topics.get(id);
    }

    /** The entry's answer in that language with every {@code {{key}}} replaced by the mission's fact. */
    public String answer(FaqEntry entry, Language language) {
        return answer(entry, language, Whereabouts.HOST);
    }

    /**
     * The entry's answer for someone in danger {@code where} the message says: outside the mission's host country the
     * mission's own facts ({@code {{local_…}}}, {@code {{mission_…}}}) become that country's emergency numbers and its
     * Vietnamese mission, found through the consular portal; an unconfirmed number is named, never printed.
     */
    public String answer(FaqEntry entry, Language language, Whereabouts where) {
        return render(entry.answers().get(language), language, where);
    }

    /** Replaces mission placeholders; validation guarantees every key exists. */
    public String render(String text, Language language) {
        return render(text, language, Whereabouts.HOST);
    }

    private String render(String text, Language language, Whereabouts where) {
        if (text == null) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        int end = 0;
        String previous = null;
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = fact(key, language, where);
            String between = text.substring(end, matcher.start());
            // Away from the host country the mission's website becomes the consular portal: "the website and the
            // portal" would name one link twice.
            if (value != null
                    && value.equals(previous)
                    && JOINED.matcher(between).matches()) {
                end = matcher.end();
                continue;
            }
            out.append(between).append(value == null ? matcher.group() : value);
            previous = value;
            end = matcher.end();
        }
        out.append(text, end, text.length());
        return out.toString().strip();
    }

    /**
     * A mission fact as said to someone in danger {@code where} the message says: away from the host country, its
     * {@code local_…} and {@code mission_…} facts are that country's (see {@link #answer(FaqEntry, Language,
     * Whereabouts)}). Null when the mission has not published it.
     */
    public String fact(String key, Language language, Whereabouts where) {
        return where.host() || !(key.startsWith("mission_") || key.startsWith("local_"))
                ? mission.fact(key, language)
                : elsewhere(key, language, where);
    }

    private String elsewhere(String key, Language language, Whereabouts where) {
        boolean vi = language == Language.VI;
        return switch (key) {
            case "local_emergency" ->
                where.elsewhere()
                        .map(c -> c.emergencyNumbers(language))
                        .filter(n -> !n.isEmpty())
                        .orElse(vi ? "số khẩn cấp của nước sở tại" : "the local emergency number");
            case "mission_name" ->
                where.elsewhere()
                        .map(c -> vi
                                ? "Đại sứ quán hoặc Tổng Lãnh sự quán Việt Nam tại " + c.nameAfterIn(language)
                                : "Vietnamese embassy or consulate in " + c.nameAfterIn(language))
                        .orElse(vi ? "cơ quan đại diện Việt Nam gần nhất" : "nearest Vietnamese embassy or consulate");
            // The consular portal lists every mission with its contacts; the host mission's own are no use elsewhere.
            default -> mission.fact("consular_portal", language);
        };
    }

    /** Where the message says the person in danger is, against this mission's host country. */
    public Whereabouts whereabouts(String message) {
        return countries.whereabouts(message, hostCountry());
    }

    /** The mission's host country's code ({@code host_country} in mission.yaml), empty when not given. */
    public String hostCountry() {
        String host = mission.fact("host_country", Language.EN);
        return host == null ? "" : host;
    }

    /** Where a conversation remembers the citizen said they are (a country code), as a whereabouts. */
    public Whereabouts remembered(Optional<String> country) {
        if (country.isEmpty()) {
            return Whereabouts.UNSAID;
        }
        if (country.get().equalsIgnoreCase(hostCountry())) {
            return Whereabouts.HOST;
        }
        return countries.byCode(country.get()).map(Whereabouts::in).orElse(Whereabouts.UNSAID);
    }

    /** The 24/7 citizen-protection hotline: the answer of last resort. */
    public String hotline() {
        return mission.fact("hotline", Language.EN);
    }
}
