package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.Actor;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.ConcurrentTurnException;
import org.consularbot.conversation.Conversation;
import org.consularbot.conversation.ConversationEvent;
import org.consularbot.conversation.ConversationEvent.Type;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.DeclaredEmergency;
import org.consularbot.conversation.Feedback;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.conversation.StoredInbound;
import org.consularbot.conversation.Trigger;
import org.consularbot.conversation.TurnOutcome;
import org.consularbot.conversation.TurnRecord;
import org.consularbot.faq.Language;
import org.junit.jupiter.api.Test;

/**
 * Turns: all a turn writes (state, log, replies, feedback) is written together or, when another turn came first,
 * not at all; and what a conversation remembers across turns (the country, the last emergency) is kept by turns that
 * say nothing of it.
 */
interface TurnStoreContract extends StoreContractPart {

    @Test
    default void commitTurnWritesStateLogRepliesAndFeedbackTogether() {
        StoredInbound in = store().recordInbound(message(CHAT, "m1", "passport"));
        long id = in.conversation().id();
        Reply suggestion = new Reply(
                ReplyKind.SUGGESTION,
                "Bạn muốn hỏi về:",
                List.of(
                        new Button("Gia hạn hộ chiếu", "choose:passport-renew"),
                        new Button("Mất hộ chiếu", "choose:passport-lost")),
                List.of(),
                Optional.empty());
        Reply answer = new Reply(
                ReplyKind.ANSWER,
                "To renew your passport…",
                List.of(),
                List.of(
                        new Button("👍 Hữu ích", "fb:passport-renew:up"),
                        new Button("👎 Chưa đúng", "fb:passport-renew:down")),
                Optional.of("passport-renew"));
        Feedback feedback = new Feedback("passport-renew", true, T0);
        TurnRecord record = new TurnRecord(
                id,
                0,
                in.id(),
                TurnOutcome.of(TurnOutcome.Kind.SUGGESTION),
                ConversationState.AWAITING_CHOICE,
                Optional.of(Language.EN),
                Language.EN,
                List.of("passport-renew", "passport-lost"),
                1,
                List.of(
                        ConversationEvent.stateChanged(
                                T0,
                                Actor.BOT,
                                ConversationState.BOT_ANSWERING,
                                ConversationState.AWAITING_CHOICE,
                                Trigger.SUGGESTED),
                        ConversationEvent.of(T0, Actor.CITIZEN, Type.LANGUAGE_SET, "en")),
                List.of(suggestion, answer),
                Optional.of(feedback),
                T0.plusSeconds(1),
                Optional.of("passport-renew"),
                Optional.of("JP"),
                Optional.empty());

        List<OutboxEntry> queued = store().commitTurn(record);

        assertThat(queued).extracting(OutboxEntry::reply).containsExactly(suggestion, answer);
        assertThat(queued).allSatisfy(e -> assertThat(e.conversation()).isEqualTo(CHAT));
        assertThat(queued.get(0).id()).isLessThan(queued.get(1).id());
        assertThat(outbox().replies(id)).isEqualTo(queued);
        assertThat(outbox().unsent(10)).isEqualTo(queued);
        Conversation after = store().conversation(id).orElseThrow();
        assertThat(after.state()).isEqualTo(ConversationState.AWAITING_CHOICE);
        assertThat(after.preferredLanguage()).contains(Language.EN);
        assertThat(after.lastLanguage()).isEqualTo(Language.EN);
        assertThat(after.pendingChoices()).containsExactly("passport-renew", "passport-lost");
        assertThat(after.unansweredStreak()).isEqualTo(1);
        assertThat(after.lastEntry()).as("the follow-up context").contains("passport-renew");
        assertThat(after.country()).as("where the citizen said they are").contains("JP");
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.updatedAt()).isEqualTo(record.at());
        assertThat(store().unanswered(10)).isEmpty();
        List<ConversationEvent> log = store().log(id);
        assertThat(log)
                .extracting(ConversationEvent::type)
                .containsExactly(
                        Type.MESSAGE_RECEIVED,
                        Type.STATE_CHANGED,
                        Type.LANGUAGE_SET,
                        Type.REPLY_QUEUED,
                        Type.REPLY_QUEUED);
        assertThat(log.get(1)).isEqualTo(record.events().get(0));
        assertThat(log.get(2)).isEqualTo(record.events().get(1));
        assertThat(log.get(3).detail())
                .startsWith("suggestion")
                .endsWith("#" + queued.get(0).id());
        assertThat(log.get(4).detail())
                .contains("passport-renew")
                .endsWith("#" + queued.get(1).id());
        assertThat(store().feedback("passport-renew")).containsExactly(feedback);
        assertThat(store().feedback("passport-lost")).isEmpty();

        StoredInbound next = store().recordInbound(message(CHAT, "m2", "1"));
        store().commitTurn(turn(next, 1, List.of(Reply.text(ReplyKind.ANSWER, "ok")), List.of(), Optional.empty()));
        Conversation later = store().conversation(id).orElseThrow();
        assertThat(later.version()).isEqualTo(2);
        assertThat(later.preferredLanguage()).isEmpty();
        assertThat(later.pendingChoices()).isEmpty();
    }

    @Test
    default void staleTurnThrowsAndWritesNothing() {
        StoredInbound first = store().recordInbound(message(CHAT, "m1", "một"));
        StoredInbound second = store().recordInbound(message(CHAT, "m2", "hai"));
        long id = first.conversation().id();
        store().commitTurn(turn(first, 0, List.of(Reply.text(ReplyKind.ANSWER, "first")), List.of(), Optional.empty()));
        List<ConversationEvent> logBefore = store().log(id);

        TurnRecord stale = new TurnRecord(
                id,
                0,
                second.id(),
                TurnOutcome.of(TurnOutcome.Kind.ANSWER),
                ConversationState.WAITING_FOR_OFFICER,
                Optional.of(Language.EN),
                Language.EN,
                List.of("x"),
                0,
                List.of(ConversationEvent.of(T0, Actor.BOT, Type.ESCALATION, "stale")),
                List.of(Reply.text(ReplyKind.HANDOFF, "stale")),
                Optional.of(new Feedback("stale-entry", false, T0)),
                T0);

        assertThatThrownBy(() -> store().commitTurn(stale)).isInstanceOf(ConcurrentTurnException.class);
        Conversation after = store().conversation(id).orElseThrow();
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(after.preferredLanguage()).isEmpty();
        assertThat(outbox().replies(id)).extracting(e -> e.reply().text()).containsExactly("first");
        assertThat(store().unanswered(10)).extracting(StoredInbound::id).containsExactly(second.id());
        assertThat(store().log(id)).isEqualTo(logBefore);
        assertThat(store().feedback("stale-entry")).isEmpty();
    }

    @Test
    default void theCountryACitizenSaidIsKeptByTurnsThatSayNoneAndReplacedByOneThatSaysAnother() {
        StoredInbound first = store().recordInbound(message(CHAT, "1", "em ở Nhật bị cướp"));
        TurnRecord japan = turn(first, 0, List.of(Reply.text(ReplyKind.EMERGENCY, "110")), List.of(), Optional.empty());
        store().commitTurn(new TurnRecord(
                japan.conversationId(),
                0,
                japan.inboundId(),
                japan.outcome(),
                japan.state(),
                japan.preferredLanguage(),
                japan.lastLanguage(),
                japan.pendingChoices(),
                0,
                List.of(),
                japan.replies(),
                Optional.empty(),
                japan.at(),
                Optional.empty(),
                Optional.of("JP"),
                Optional.empty()));

        StoredInbound second = store().recordInbound(message(CHAT, "2", "cứu em"));
        store().commitTurn(
                        turn(second, 1, List.of(Reply.text(ReplyKind.EMERGENCY, "110")), List.of(), Optional.empty()));
        assertThat(store().find(CHAT).orElseThrow().country())
                .as("a turn that says no place")
                .contains("JP");

        StoredInbound third = store().recordInbound(message(CHAT, "3", "em về Toronto rồi"));
        TurnRecord home = turn(third, 2, List.of(), List.of(), Optional.empty());
        store().commitTurn(new TurnRecord(
                home.conversationId(),
                2,
                home.inboundId(),
                home.outcome(),
                home.state(),
                home.preferredLanguage(),
                home.lastLanguage(),
                home.pendingChoices(),
                0,
                List.of(),
                List.of(),
                Optional.empty(),
                home.at(),
                Optional.empty(),
                Optional.of("CA"),
                Optional.empty()));
        assertThat(store().find(CHAT).orElseThrow().country()).contains("CA");
    }

    @Test
    default void theLastEmergencyDeclaredIsKeptByTurnsThatDeclareNoneReplacedByANewOneAndPurgedWithTheContent() {
        StoredInbound arrested = store().recordInbound(message(CHAT, "1", "tôi bị bắt"));
        DeclaredEmergency arrest = new DeclaredEmergency("arrest", clock().instant(), true);
        store().commitTurn(declaring(turn(arrested, 0, List.of(), List.of(), Optional.empty()), arrest));
        assertThat(store().find(CHAT).orElseThrow().lastEmergency()).contains(arrest);

        StoredInbound question = store().recordInbound(message(CHAT, "2", "hộ chiếu"));
        store().commitTurn(turn(question, 1, List.of(), List.of(), Optional.empty()));
        assertThat(store().find(CHAT).orElseThrow().lastEmergency())
                .as("a turn that declares none")
                .contains(arrest);

        clock().advance(Duration.ofMinutes(3));
        StoredInbound accident = store().recordInbound(message(CHAT, "3", "bạn em bị tai nạn"));
        DeclaredEmergency medical = new DeclaredEmergency("medical", clock().instant(), false);
        store().commitTurn(declaring(turn(accident, 2, List.of(), List.of(), Optional.empty()), medical));
        assertThat(store().conversation(accident.conversation().id())
                        .orElseThrow()
                        .lastEmergency())
                .contains(medical);

        clock().set(T0.plus(Duration.ofDays(100)));
        StoredInbound later = store().recordInbound(message(CHAT, "4", "cảm ơn"));
        store().commitTurn(turn(later, 3, List.of(), List.of(), Optional.empty()));
        store().purge(T0.plus(Duration.ofDays(50)));
        Conversation kept = store().find(CHAT).orElseThrow();
        assertThat(kept.lastEmergency())
                .as("older than the cutoff, the conversation still going")
                .isEmpty();
    }

    /** {@code turn}, declaring {@code emergency}. */
    private static TurnRecord declaring(TurnRecord turn, DeclaredEmergency emergency) {
        return new TurnRecord(
                turn.conversationId(),
                turn.expectedVersion(),
                turn.inboundId(),
                TurnOutcome.of(TurnOutcome.Kind.EMERGENCY),
                turn.state(),
                turn.preferredLanguage(),
                turn.lastLanguage(),
                turn.pendingChoices(),
                turn.unansweredStreak(),
                turn.events(),
                turn.replies(),
                turn.feedback(),
                turn.at(),
                turn.lastEntry(),
                turn.country(),
                Optional.of(emergency));
    }
}
