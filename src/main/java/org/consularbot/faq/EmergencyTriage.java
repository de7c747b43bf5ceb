package org.consularbot.faq;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.consularbot.faq.PhraseSearch.Span;

/**
 * Decides, before any FAQ matching and over the whole message, whether someone is in danger now and in which
 * situation. A danger named in a personal, present case is an emergency; the same words in a hypothetical ("nếu
 * bị bắt"), a memory ("năm 2019 bố tôi bị bắt"), a general rule ("công dân bị bắt") or a negation ("không phải bị
 * bắt") are not, unless a cry for help, immediacy or a danger still going on stands beside them ("cứu", "vừa",
 * "vẫn bị giam"). Weaker signals ("bị móc túi", "không có tiền") are sure only beside a cry for help, and a "maybe"
 * beside immediacy or a person of the writer's own. A short cry for help alone ("cứu em với") is an emergency with
 * no named situation. Errs towards recall.
 */
public final class EmergencyTriage {

    /** Longest message read; past it a flood, not a cry for help (Telegram stops at 4,096 characters). */
    static final int MAX_CHARS = 20_000;
    /**
     * A negation at most this many words before a danger negates it ("không bị bắt", "not been arrested"); further
     * back it belongs to another clause ("không về được, không còn đồng nào").
     */
    private static final int NEGATION_REACH = 1;
    /** How many different weak signals of one situation make it sure. */
    private static final int SIGNALS_TOGETHER = 2;
    /** At most this many words make a cry for help with no danger named a sure emergency. */
    private static final int SHORT_CRY = 8;
    /** The pseudo-situation of distress with no danger named. */
    public static final String DISTRESS = "distress";

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\\n\\r。…]+");
    private static final Pattern CLAUSE_END = Pattern.compile("[,:]+");
    private static final NormalizedText.Token CLAUSE_BREAK = new NormalizedText.Token(",", ",", List.of(), true);
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    /** One to three words between quotation marks. */
    private static final Pattern QUOTED =
            Pattern.compile("[\"“”«»„]\\s*[^\"“”«»„\\s]+(\\s+[^\"“”«»„\\s]+){0,2}\\s*[\"“”«»„]");

    private final UrgentRules rules;
    private final TextNormalizer normalizer;
    private final Corpus corpus;
    private final Clock clock;

    public EmergencyTriage(Corpus corpus, TextNormalizer normalizer, Clock clock) {
        this.rules = corpus.urgentRules();
        this.normalizer = normalizer;
        this.corpus = corpus;
        this.clock = clock;
    }

    /** One mention of a danger, weighed. */
    private record Finding(
            UrgentRules.Situation situation, UrgentRules.Phrase phrase, boolean sure, boolean danger, int order) {}

    public Optional<Emergency> assess(String message) {
        if (message == null || message.isBlank() || rules.situations().isEmpty()) {
            return Optional.empty();
        }
        // Telex is told from the whole message, not from each clause the normalizer gets below.
        String text = UnconvertedTyping.decode(
                Folding.clean(message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) : message));
        List<List<NormalizedText.Token>> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            // A word in quotes is a figure of speech: bị "bắt" đổi hộ chiếu, bị "chém" phí.
            List<NormalizedText.Token> tokens = new ArrayList<>();
            for (String clause : CLAUSE_END.split(QUOTED.matcher(sentence).replaceAll(" "))) {
                List<NormalizedText.Token> words =
                        normalizer.normalizeCleaned(clause).tokens();
                if (!words.isEmpty() && !tokens.isEmpty()) {
                    tokens.add(CLAUSE_BREAK); // a negation does not reach into the next clause: "được không, em bị bắt"
                }
                tokens.addAll(words);
            }
            if (!tokens.isEmpty()) {
                sentences.add(tokens);
            }
        }
        List<List<Span>> notDanger =
                sentences.stream().map(s -> spans(s, rules.notDanger())).toList();
        boolean distress = false;
        boolean distant = false;
        boolean resolved = false;
        for (int i = 0; i < sentences.size(); i++) {
            distress |= any(sentences.get(i), rules.cues().distress(), notDanger.get(i));
            resolved |= affirmed(sentences.get(i), rules.cues().resolved(), notDanger.get(i));
            distant |= any(sentences.get(i), rules.cues().past(), notDanger.get(i))
                    || mentionsEarlierYear(sentences.get(i));
        }
        List<Finding> findings = new ArrayList<>();
        Map<UrgentRules.Situation, Set<UrgentRules.Phrase>> signals = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            weigh(sentences.get(i), notDanger.get(i), distress, distant, resolved, findings, signals);
        }
        // Weak signals add up: a farewell, an apology to the parents and pills ready are together a crisis.
        signals.forEach((situation, phrases) -> {
            if (phrases.size() >= SIGNALS_TOGETHER) {
                findings.add(new Finding(
                        situation,
                        phrases.iterator().next(),
                        true,
                        false,
                        rules.situations().indexOf(situation)));
            }
        });
        Optional<Finding> best = findings.stream()
                .min(Comparator.comparing((Finding f) -> !f.sure())
                        .thenComparing(f -> !f.danger())
                        .thenComparingInt(Finding::order));
        if (best.isPresent()) {
            Finding f = best.get();
            UrgentRules.Situation situation = refined(f.situation(), sentences, notDanger);
            return Optional.of(emergency(
                    situation.id(),
                    situation.topic(),
                    situation.entry(),
                    f.phrase().toString(),
                    f.sure()));
        }
        if (distress) {
            // "Cứu em với!" alone is a cry for help; inside a long ordinary question it is a figure of speech.
            int words = sentences.stream().mapToInt(List::size).sum();
            return Optional.of(emergency(DISTRESS, "contact.hotline", null, "distress", words <= SHORT_CRY));
        }
        return Optional.empty();
    }

    /** The first situation that refines the one found and whose context the message has; else the one found. */
    private UrgentRules.Situation refined(
            UrgentRules.Situation found, List<List<NormalizedText.Token>> sentences, List<List<Span>> notDanger) {
        for (UrgentRules.Situation situation : rules.situations()) {
            if (situation.refines().contains(found.id())) {
                for (int i = 0; i < sentences.size(); i++) {
                    if (any(sentences.get(i), situation.context(), notDanger.get(i))) {
                        return situation;
                    }
                }
            }
        }
        return found;
    }

    /** The emergency of that situation of {@code urgent.yaml}, read by the learned classifier rather than a phrase. */
    Optional<Emergency> learned(String situationId, String evidence, boolean sure) {
        return rules.situations().stream()
                .filter(s -> s.id().equals(situationId))
                .findFirst()
                .map(s -> emergency(s.id(), s.topic(), s.entry(), evidence, sure));
    }

    private Emergency emergency(String situation, String topic, String entry, String evidence, boolean sure) {
        String entryId = entry != null && corpus.entry(entry).isPresent()
                ? entry
                : corpus.entries().stream()
                        .filter(e -> e.topic().equals(topic))
                        .map(FaqEntry::id)
                        .findFirst()
                        .orElse(null);
        String entryTopic = entryId == null
                ? topic
                : corpus.entry(entryId).map(FaqEntry::topic).orElse(topic);
        return new Emergency(situation, entryTopic, entryId, evidence, sure);
    }

    private void weigh(
            List<NormalizedText.Token> sentence,
            List<Span> notDanger,
            boolean distress,
            boolean distant,
            boolean resolved,
            List<Finding> findings,
            Map<UrgentRules.Situation, Set<UrgentRules.Phrase>> signals) {
        UrgentRules.Cues cues = rules.cues();
        boolean immediate = any(sentence, cues.immediate(), notDanger);
        List<Span> immediates = spans(sentence, cues.immediate()).stream()
                .filter(m -> notDanger.stream().noneMatch(m::overlaps))
                .toList();
        boolean ongoing = any(sentence, cues.ongoing(), notDanger);
        boolean personal = any(sentence, cues.personal(), notDanger);
        List<Span> negations = spans(sentence, cues.negation()).stream()
                .filter(n -> notDanger.stream().noneMatch(n::overlaps))
                .toList();
        List<Span> hypotheticals = spans(sentence, cues.hypothetical());
        boolean general = any(sentence, cues.general(), notDanger);
        for (int order = 0; order < rules.situations().size(); order++) {
            UrgentRules.Situation situation = rules.situations().get(order);
            List<Span> excluded = new ArrayList<>(notDanger);
            excluded.addAll(spans(sentence, situation.notDanger()));
            for (boolean danger : new boolean[] {true, false}) {
                for (PhraseSearch.Match match :
                        PhraseSearch.matches(sentence, danger ? situation.danger() : situation.signals())) {
                    UrgentRules.Phrase phrase = match.phrase();
                    Span hit = match.span();
                    {
                        if (excluded.stream().anyMatch(x -> x.overlaps(hit))
                                || negations.stream()
                                        .anyMatch(n ->
                                                n.end() <= hit.start() && hit.start() - n.end() <= NEGATION_REACH)) {
                            continue;
                        }
                        boolean hypothetical = hypotheticals.stream().anyMatch(h -> h.start() < hit.start());
                        boolean plain = !hypothetical && !distant && !resolved && !(general && !personal);
                        // A memory or a rule stays one unless a cry for help, or the danger still going on, is beside
                        // it.
                        // Immediacy in the mention's own clause outweighs the past elsewhere ("sinh năm 1998, hôm nay
                        // em bị bắt").
                        boolean nowHere = immediates.stream()
                                .anyMatch(m -> clause(sentence, m.start()) == clause(sentence, hit.start()));
                        // Immediacy inside the hypothetical's own clause is part of it ("phòng khi gặp tai nạn", typed
                        // "gap", reads as "gấp"); beside it, it still counts ("nếu bị hiếp dâm thì làm gì, chuyện vừa
                        // xảy ra").
                        boolean now = hypothetical
                                ? immediates.stream().anyMatch(m -> !insideHypothetical(sentence, m, hypotheticals))
                                : immediate;
                        boolean pressing = distress || !resolved && (ongoing || now && (!distant || nowHere));
                        if (danger && (plain || pressing)) {
                            findings.add(new Finding(situation, phrase, true, true, order));
                        } else if (!danger && plain && distress) {
                            findings.add(new Finding(situation, phrase, true, false, order));
                        } else if (!danger && plain && (immediate || personal)) {
                            findings.add(new Finding(situation, phrase, false, false, order));
                        }
                        if (!danger && plain) {
                            signals.computeIfAbsent(situation, k -> new LinkedHashSet<>())
                                    .add(phrase);
                        }
                    }
                }
            }
        }
    }

    /** Whether a cue comes after a hypothetical's cue in the same clause ("nếu … bây giờ"). */
    private static boolean insideHypothetical(List<NormalizedText.Token> sentence, Span cue, List<Span> hypotheticals) {
        return hypotheticals.stream()
                .anyMatch(h -> h.start() < cue.start() && clause(sentence, h.start()) == clause(sentence, cue.start()));
    }

    /** Which clause of its sentence a word is in (clauses end at commas and colons). */
    private static int clause(List<NormalizedText.Token> sentence, int word) {
        int clause = 0;
        for (int i = 0; i < word && i < sentence.size(); i++) {
            clause += sentence.get(i) == CLAUSE_BREAK ? 1 : 0;
        }
        return clause;
    }

    private boolean mentionsEarlierYear(List<NormalizedText.Token> sentence) {
        int now = Year.now(clock).getValue();
        return sentence.stream()
                .map(NormalizedText.Token::folded)
                .anyMatch(w -> YEAR.matcher(w).matches() && Integer.parseInt(w) < now);
    }

    /** Whether a cue occurs, not negated just before it ("not safe now", "không ổn rồi"). */
    private boolean affirmed(
            List<NormalizedText.Token> sentence, List<UrgentRules.Phrase> phrases, List<Span> notDanger) {
        List<Span> negations = spans(sentence, rules.cues().negation());
        return spans(sentence, phrases).stream()
                .filter(s -> notDanger.stream().noneMatch(s::overlaps))
                .anyMatch(s -> negations.stream()
                        .noneMatch(n -> n.end() <= s.start() && s.start() - n.end() <= NEGATION_REACH));
    }

    /** Whether a cue occurs outside the readings that are no danger ("đăng ký" is not "đang"). */
    private static boolean any(
            List<NormalizedText.Token> sentence, List<UrgentRules.Phrase> phrases, List<Span> notDanger) {
        return spans(sentence, phrases).stream()
                .anyMatch(s -> notDanger.stream().noneMatch(s::overlaps));
    }

    private static List<Span> spans(List<NormalizedText.Token> sentence, List<UrgentRules.Phrase> phrases) {
        return PhraseSearch.find(sentence, phrases);
    }

    private static List<Span> find(List<NormalizedText.Token> words, UrgentRules.Phrase phrase) {
        return PhraseSearch.find(words, phrase);
    }
}
