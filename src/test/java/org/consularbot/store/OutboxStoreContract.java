package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.Outbox;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.conversation.StoredInbound;
import org.junit.jupiter.api.Test;

/**
 * The outbox: replies offered oldest first until sent or out of attempts, a failed one again only once its next
 * attempt is due, a claimed one leased to its claimer, and a held one waiting without using up attempts.
 */
interface OutboxStoreContract extends StoreContractPart {

    @Test
    default void aHeldReplyWaitsWithoutUsingUpAttempts() {
        StoredInbound in = store().recordInbound(message(CHAT, "m1", "hello"));
        OutboxEntry entry = store().commitTurn(
                        turn(in, 0, List.of(Reply.text(ReplyKind.ANSWER, "a")), List.of(), Optional.empty()))
                .get(0);

        for (int i = 0; i < Outbox.MAX_ATTEMPTS + 3; i++) {
            outbox().markHeld(entry.id(), "window closed", T0.plus(Duration.ofDays(30)));
        }

        assertThat(outbox().unsent(10))
                .singleElement()
                .extracting(OutboxEntry::attempts)
                .isEqualTo(0);
        assertThat(outbox().unsent(in.conversation().id()))
                .as("held replies of the conversation, due or not")
                .extracting(OutboxEntry::id)
                .containsExactly(entry.id());
        assertThat(outbox().unsent(in.conversation().id() + 1000)).isEmpty();
        assertThat(outbox().due(10, T0.plusSeconds(60))).isEmpty();
        assertThat(outbox().due(10, T0.plus(Duration.ofDays(31))))
                .extracting(OutboxEntry::id)
                .containsExactly(entry.id());
    }

    @Test
    default void outboxOffersAFailedReplyAgainOnlyOnceItsNextAttemptIsDue() {
        StoredInbound in = store().recordInbound(message(CHAT, "m1", "hello"));
        List<OutboxEntry> q = store().commitTurn(turn(
                in,
                0,
                List.of(Reply.text(ReplyKind.ANSWER, "a"), Reply.text(ReplyKind.HELP, "b")),
                List.of(),
                Optional.empty()));

        outbox().markFailed(q.get(0).id(), "429 retry after 30", false, T0.plusSeconds(30));

        assertThat(outbox().due(10, T0.plusSeconds(29)))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(1).id());
        assertThat(outbox().due(10, T0.plusSeconds(30)))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(0).id(), q.get(1).id());
        assertThat(outbox().unsent(10)).as("unsent lists both, due or not").hasSize(2);

        assertThat(outbox().claim(q.get(0).id(), T0.plusSeconds(30), T0.plusSeconds(60)))
                .as("due: taken")
                .isTrue();
        assertThat(outbox().claim(q.get(0).id(), T0.plusSeconds(31), T0.plusSeconds(61)))
                .as("leased to the first")
                .isFalse();
        assertThat(outbox().due(10, T0.plusSeconds(59)))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(1).id());
        assertThat(outbox().claim(q.get(0).id(), T0.plusSeconds(60), T0.plusSeconds(90)))
                .as("lease over")
                .isTrue();

        outbox().markSent(q.get(0).id(), T0.plusSeconds(31));
        assertThat(outbox().claim(q.get(0).id(), T0.plusSeconds(3600), T0.plusSeconds(3600)))
                .as("sent")
                .isFalse();
        outbox().markFailed(q.get(1).id(), "403 blocked", true, null);
        assertThat(outbox().claim(q.get(1).id(), T0.plusSeconds(3600), T0.plusSeconds(3600)))
                .as("out of attempts")
                .isFalse();
        assertThat(outbox().due(10, T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    default void outboxOffersUnsentOldestFirstUntilSentOrOutOfAttempts() {
        StoredInbound in = store().recordInbound(message(CHAT, "m1", "hello"));
        List<OutboxEntry> q = store().commitTurn(turn(
                in,
                0,
                List.of(
                        Reply.text(ReplyKind.ANSWER, "a"),
                        Reply.text(ReplyKind.HELP, "b"),
                        Reply.text(ReplyKind.WELCOME, "c")),
                List.of(),
                Optional.empty()));
        StoredInbound other = store().recordInbound(message(new ConversationKey("zalo", "9"), "z1", "hi"));
        OutboxEntry d = store().commitTurn(
                        turn(other, 0, List.of(Reply.text(ReplyKind.ANSWER, "d")), List.of(), Optional.empty()))
                .get(0);

        assertThat(outbox().unsent(10))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(0).id(), q.get(1).id(), q.get(2).id(), d.id());
        assertThat(outbox().unsent(2))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(0).id(), q.get(1).id());

        outbox().markSent(q.get(0).id(), T0.plusSeconds(5));
        assertThat(outbox().unsent(10))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(1).id(), q.get(2).id(), d.id());

        for (int attempt = 1; attempt < Outbox.MAX_ATTEMPTS; attempt++) {
            outbox().markFailed(q.get(1).id(), "timeout", false);
            assertThat(outbox().unsent(10))
                    .filteredOn(e -> e.id() == q.get(1).id())
                    .singleElement()
                    .extracting(OutboxEntry::attempts)
                    .isEqualTo(attempt);
        }
        outbox().markFailed(q.get(1).id(), "timeout", false);
        assertThat(outbox().unsent(10))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(2).id(), d.id());

        outbox().markFailed(q.get(2).id(), "403 bot was blocked by the user", true);
        assertThat(outbox().unsent(10)).extracting(OutboxEntry::id).containsExactly(d.id());

        assertThat(outbox().replies(in.conversation().id()))
                .extracting(e -> e.reply().text(), OutboxEntry::attempts)
                .containsExactly(tuple("a", 0), tuple("b", Outbox.MAX_ATTEMPTS), tuple("c", Outbox.MAX_ATTEMPTS));
    }
}
