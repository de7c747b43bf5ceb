package org.consularbot.faq;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The editable small talk and declines ({@code faq/smalltalk.yaml}). Small talk (greetings, thanks, "are you a
 * bot?", frustration, goodbyes, "ok") gets one short reply of its class, never an FAQ entry. A decline class
 * (another country's authorities or visas, procedures inside Viet Nam, loans and jobs, politics, anything else)
 * gets a polite pointer to whoever can help. {@code filler}: words that add nothing to small talk ("ạ", "ad").
 */
public record SmallTalkRules(List<Kind> chitchat, List<Kind> decline, List<UrgentRules.Phrase> filler) {

    /**
     * One class: the phrases that reveal it, emoji that say it alone, the reply in each language, and phrases that
     * rule it out whoever proposed it, the phrase rules or the learned reading (a visa for coming to Viet Nam is
     * never "another country's visa", however many foreign nationalities the letter names).
     */
    public record Kind(
            String id,
            List<UrgentRules.Phrase> phrases,
            List<String> emoji,
            Map<Language, String> reply,
            List<UrgentRules.Phrase> unless) {
        public Kind {
            phrases = List.copyOf(phrases);
            emoji = List.copyOf(emoji);
            reply = Map.copyOf(reply);
            unless = List.copyOf(unless);
        }
    }

    public SmallTalkRules {
        chitchat = List.copyOf(chitchat);
        decline = List.copyOf(decline);
        filler = List.copyOf(filler);
    }

    /** The class of that id, small talk or decline. */
    public Optional<Kind> kind(String id) {
        return Stream.concat(chitchat.stream(), decline.stream())
                .filter(k -> k.id().equals(id))
                .findFirst();
    }

    public static SmallTalkRules none() {
        return new SmallTalkRules(List.of(), List.of(), List.of());
    }
}
