package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.FaqMatcher;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.TestCorpora;
import org.consularbot.faq.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An answer whose topic has other entries that fit nearly as well offers them under it as numbered choices: the
 * topic is sure, which of its entries the citizen meant may not be.
 */
class RelatedEntriesDialogueTest {

    private static final FaqEntry RENEW = entry("passport.issue.renew-abroad");
    private static final FaqEntry VALIDITY = entry("passport.issue.validity");
    private static final FaqEntry PROCESSING = entry("passport.issue.processing-time");
    private static final FaqEntry BIRTH = TestCorpora.real().entries().stream()
            .filter(e -> e.topic().equals("civil.birth"))
            .findFirst()
            .orElseThrow();

    private ConversationHarness bot;

    @AfterEach
    void close() {
        bot.close();
    }

    private static FaqEntry entry(String id) {
        return TestCorpora.real().entry(id).orElseThrow();
    }

    /** A matcher that answers "hộ chiếu hết hạn" outright with these candidates and anything else as the real one. */
    private Chat chatAnswering(List<Candidate> ranked) {
        FaqMatcher real = ConversationHarness.matcher();
        FaqMatcher stub = new FaqMatcher() {
            @Override
            public MatchResult match(String message) {
                return message.equals("hộ chiếu hết hạn")
                        ? new MatchResult(Tier.ANSWER, Language.VI, ranked, Optional.empty())
                        : real.match(message);
            }

            @Override
            public String name() {
                return "stub";
            }
        };
        bot = ConversationHarness.builder().matcher(stub).build();
        return bot.chat("citizen-related");
    }

    @Test
    void closeEntriesOfTheSameTopicAreOfferedUnderTheAnswerAndANumberPicksOne() {
        Chat chat = chatAnswering(List.of(
                new Candidate(RENEW, 10, 0.80),
                new Candidate(VALIDITY, 9, 0.75),
                new Candidate(BIRTH, 8, 0.79),
                new Candidate(PROCESSING, 7, 0.50)));

        Reply answer = chat.say("hộ chiếu hết hạn").get(0);

        assertThat(answer.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(answer.entryId()).contains(RENEW.id());
        // Another topic (the birth entry) and an entry explaining much less (processing time) are not offered.
        assertThat(answer.choices()).extracting(Button::payload).containsExactly("faq:" + VALIDITY.id());
        assertThat(answer.text())
                .startsWith(TestCorpora.real().answer(RENEW, Language.VI))
                .contains("1. " + VALIDITY.title(Language.VI));
        assertThat(answer.feedback()).hasSize(2);
        assertThat(chat.state()).isEqualTo(ConversationState.AWAITING_CHOICE);

        Reply picked = chat.say("1").get(0);

        assertThat(picked.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(picked.entryId()).contains(VALIDITY.id());
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
    }

    @Test
    void anAnswerWellAheadOfItsTopicsOtherEntriesOffersNothing() {
        Chat chat = chatAnswering(List.of(new Candidate(RENEW, 10, 0.80), new Candidate(VALIDITY, 9, 0.70)));

        Reply answer = chat.say("hộ chiếu hết hạn").get(0);

        assertThat(answer.choices()).isEmpty();
        assertThat(answer.text()).doesNotContain(VALIDITY.title(Language.VI));
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
    }
}
