package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;

/**
 * The editable emergency triage ({@code faq/urgent.yaml}): per situation the phrases that name a danger, the
 * weaker signals that need distress or immediacy beside them, and the readings that are no danger ("giảm giá"
 * for "giam"); then the cues that weigh a mention: distress, immediacy, a person of the writer's own, a
 * hypothetical, the past, something still going on, something over, a general subject, a negation. A phrase is a list of words where {@code *} stands for
 * up to three other words ("bị * bắt" finds "bị công an bắt").
 */
public record UrgentRules(List<Situation> situations, Cues cues, List<Phrase> notDanger) {

    /**
     * One kind of emergency and where its first steps are: {@code entry} (an entry id) or, without one, the first
     * entry of {@code topic}. A situation that {@code refines} others takes a message found for one of them when
     * its {@code context} is there too: violence with a husband in the message is domestic violence.
     */
    public record Situation(
            String id,
            String topic,
            String entry,
            List<Phrase> danger,
            List<Phrase> signals,
            List<Phrase> notDanger,
            List<String> refines,
            List<Phrase> context) {
        public Situation {
            danger = List.copyOf(danger);
            signals = List.copyOf(signals);
            notDanger = List.copyOf(notDanger);
            refines = List.copyOf(refines);
            context = List.copyOf(context);
        }
    }

    /** The words around a mention that make it urgent, or a question, a memory or a general rule. */
    public record Cues(
            List<Phrase> distress,
            List<Phrase> immediate,
            List<Phrase> personal,
            List<Phrase> hypothetical,
            List<Phrase> past,
            List<Phrase> ongoing,
            List<Phrase> resolved,
            List<Phrase> general,
            List<Phrase> negation) {
        public Cues {
            distress = List.copyOf(distress);
            immediate = List.copyOf(immediate);
            personal = List.copyOf(personal);
            hypothetical = List.copyOf(hypothetical);
            past = List.copyOf(past);
            ongoing = List.copyOf(ongoing);
            resolved = List.copyOf(resolved);
            general = List.copyOf(general);
            negation = List.copyOf(negation);
        }

        static Cues none() {
            return new Cues(
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /**
     * Words as staff wrote them, with their diacritics. A word of a message typed with diacritics must be the same
     * word ("bắn" is not "bán", "giảm" is not "giam"); one typed without any matches by its folded form ("ban").
     */
    public record Phrase(List<Word> words) {
        public Phrase {
            words = List.copyOf(words);
        }

        public boolean isEmpty() {
            return words.isEmpty();
        }

        /** Reads a phrase as written in the file. */
        public static Phrase of(String text) {
            List<Word> words = new ArrayList<>();
            for (String part : Folding.clean(text).strip().split("\\s+")) {
                if (part.equals("*")) {
                    words.add(Word.GAP);
                } else {
                    Folding.words(part).forEach(w -> words.add(new Word(w, Folding.fold(w))));
                }
            }
            return new Phrase(words);
        }

        @Override
        public String toString() {
            return String.join(" ", words.stream().map(Word::written).toList());
        }
    }

    /** One word of a phrase; {@link #GAP} stands for up to three words of the message. */
    public record Word(String written, String folded, String toneKey) {
        public static final Word GAP = new Word("*", "*", "*");

        Word(String written, String folded) {
            this(written, folded, Folding.toneKey(written));
        }

        boolean isGap() {
            return this == GAP || "*".equals(written);
        }

        /** Whether a word of the message, as written and folded, is this word. */
        boolean matches(String messageWritten, String messageFolded) {
            if (messageWritten.equals(messageFolded)) {
                return folded.equals(messageFolded); // typed without diacritics
            }
            return written.equals(messageWritten)
                    || folded.equals(messageFolded) && toneKey.equals(Folding.toneKey(messageWritten));
        }
    }

    public UrgentRules {
        situations = List.copyOf(situations);
        notDanger = List.copyOf(notDanger);
    }

    public static UrgentRules none() {
        return new UrgentRules(List.of(), Cues.none(), List.of());
    }
}
