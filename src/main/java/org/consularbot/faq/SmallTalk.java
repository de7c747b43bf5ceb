package org.consularbot.faq;

import java.util.List;
import java.util.Optional;
import org.consularbot.faq.PhraseSearch.Span;

/**
 * Tells small talk and out-of-scope questions from consular questions, after the emergency triage and beside the
 * FAQ ranking. Small talk is a message made of small-talk phrases and filler (at most one other word), or mostly
 * of them in a short message no entry explains, or a frustration or "are you a bot?" phrase in a short message no
 * entry answers surely. A decline needs its class's
 * phrase and no FAQ entry explaining the message well.
 */
final class SmallTalk {

    /** Other words a message of pure small talk may hold ("chào ad, em là Lan"). */
    private static final int STRAY_WORDS = 1;
    /** A short complaint or question about the bot: this many other words at most. */
    private static final int SHORT = 6;
    /** A short complaint or question about the bot is small talk only when no entry explains it this well. */
    private static final double UNSURE_FAQ = 0.5;
    /** Classes recognised by one phrase in a short message (frustration, bot), not by covering it. */
    private static final List<String> BY_PHRASE = List.of("frustration", "bot");

    /** What it found: the tier (chitchat or decline) and the class. */
    record Verdict(Tier tier, String reason) {}

    private final SmallTalkRules rules;
    private final double declineBelow;

    SmallTalk(SmallTalkRules rules, double declineBelow) {
        this.rules = rules;
        this.declineBelow = declineBelow;
    }

    /**
     * @param raw           the message as typed (for emoji)
     * @param tokens        all its words, fillers included
     * @param topConfidence the best FAQ entry's confidence (0 when none)
     * @param likelyDecline the decline class the learned reading finds likeliest (or null): when phrases of several
     *                      classes occur ("thuế" and "Việt Nam"), that class wins among them, else the class whose
     *                      phrases cover most of the message
     */
    Optional<Verdict> classify(
            String raw, List<NormalizedText.Token> tokens, double topConfidence, String likelyDecline) {
        if (tokens.isEmpty()) {
            return rules.chitchat().stream()
                    .filter(k -> k.emoji().stream().anyMatch(raw::contains))
                    .findFirst()
                    .map(k -> new Verdict(Tier.CHITCHAT, k.id()));
        }
        boolean[] covered = new boolean[tokens.size()];
        PhraseSearch.find(tokens, rules.filler()).forEach(s -> mark(covered, s));
        SmallTalkRules.Kind best = null;
        int bestCover = 0;
        boolean[] filler = covered.clone();
        for (SmallTalkRules.Kind kind : rules.chitchat()) {
            List<Span> spans = PhraseSearch.find(tokens, kind.phrases());
            int cover = (int) spans.stream().mapToInt(s -> s.end() - s.start()).sum();
            spans.forEach(s -> mark(covered, s));
            if (cover > bestCover
                    || cover > 0 && best != null && BY_PHRASE.contains(kind.id()) && !BY_PHRASE.contains(best.id())) {
                best = kind;
                bestCover = cover;
            }
        }
        int stray = 0;
        for (boolean c : covered) {
            stray += c ? 0 : 1;
        }
        // Mostly small talk: its phrases say at least as much as the other words ("Ok and if I lose my passport?"
        // is a question: "ok" and filler around two words the FAQ knows).
        boolean mostly =
                stray <= SHORT && stray * 2 <= tokens.size() && bestCover >= stray && topConfidence < declineBelow;
        if (best != null
                && (stray <= STRAY_WORDS
                        || mostly
                        || BY_PHRASE.contains(best.id()) && stray <= SHORT && topConfidence < UNSURE_FAQ)) {
            return Optional.of(new Verdict(Tier.CHITCHAT, best.id()));
        }
        if (topConfidence >= declineBelow) {
            return Optional.empty();
        }
        String declined = null;
        int declinedCover = 0;
        for (SmallTalkRules.Kind kind : rules.decline()) {
            if (ruledOut(kind, tokens)) {
                continue;
            }
            int cover = PhraseSearch.find(tokens, kind.phrases()).stream()
                    .mapToInt(s -> s.end() - s.start())
                    .sum();
            if (cover > 0 && kind.id().equals(likelyDecline)) {
                return Optional.of(new Verdict(Tier.DECLINE, kind.id()));
            }
            if (cover > declinedCover) {
                declined = kind.id();
                declinedCover = cover;
            }
        }
        return Optional.ofNullable(declined).map(id -> new Verdict(Tier.DECLINE, id));
    }

    /** Whether that decline class's {@code unless} phrases rule it out in this message (false for no class). */
    boolean rulesOut(String declineClass, List<NormalizedText.Token> tokens) {
        return declineClass != null
                && rules.kind(declineClass).map(k -> ruledOut(k, tokens)).orElse(false);
    }

    private static boolean ruledOut(SmallTalkRules.Kind kind, List<NormalizedText.Token> tokens) {
        return !kind.unless().isEmpty()
                && !PhraseSearch.find(tokens, kind.unless()).isEmpty();
    }

    private static void mark(boolean[] covered, Span span) {
        for (int i = span.start(); i < span.end(); i++) {
            covered[i] = true;
        }
    }
}
