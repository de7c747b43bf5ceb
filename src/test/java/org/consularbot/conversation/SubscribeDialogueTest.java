package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.consularbot.advisory.Subscriber;
import org.consularbot.advisory.Subscription;
import org.consularbot.advisory.Subscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Subscribing to advisories through the real turn pipeline (store, outbox, sender): the guided exchange in the
 * citizen's language, which never traps them (questions still answered, /cancel, a timeout), and /unsubscribe.
 */
class SubscribeDialogueTest {

    private final ConversationHarness harness =
            ConversationHarness.builder().subscriptions().build();

    @AfterEach
    void close() {
        harness.close();
    }

    private static String text(List<Reply> replies) {
        return String.join("\n---\n", replies.stream().map(Reply::text).toList());
    }

    private Optional<Subscription> record(ConversationHarness.Chat chat) {
        return harness.subscriptions.find(new Subscriber(chat.key.channel(), chat.key.chatId()));
    }

    @Test
    void aCitizenSubscribesInVietnameseWithACityAndIsCounted() {
        ConversationHarness.Chat chat = harness.chat("an");

        assertThat(text(chat.say("/subscribe")))
                .contains("Bạn đang ở nước nào?")
                .contains("/cancel");
        assertThat(text(chat.say("Nhật Bản"))).contains("Đã ghi: Nhật Bản").contains("bỏ qua");
        List<Reply> done = chat.say("osaka");

        assertThat(text(done))
                .contains("Đã đăng ký")
                .contains("Nhật Bản (Osaka)")
                .contains("/unsubscribe");
        assertThat(done).extracting(Reply::kind).containsOnly(ReplyKind.SUBSCRIPTION);
        Subscription s = record(chat).orElseThrow();
        assertThat(s.active()).isTrue();
        assertThat(s.country()).contains("JP");
        assertThat(s.region()).contains("Osaka");
        assertThat(s.consentedAt()).contains(harness.clock.instant());
        assertThat(harness.subscriptions.counts())
                .containsExactly(new Subscriptions.PlaceCount("JP", Optional.of("Osaka"), 1));
        assertThat(harness.sender.sent())
                .as("what reached the citizen")
                .anyMatch(e ->
                        e.conversation().equals(chat.key) && e.reply().text().contains("Đã đăng ký"));
    }

    @Test
    void anEnglishSpeakerNamesTheCountryInASentenceAndSkipsTheRegion() {
        ConversationHarness.Chat chat = harness.chat("binh");
        chat.say("/lang en");

        assertThat(text(chat.say("/subscribe"))).contains("Which country are you in?");
        assertThat(text(chat.say("I live in South Korea"))).contains("Noted: South Korea");
        assertThat(text(chat.say("skip"))).contains("Subscribed").contains("for South Korea.");

        assertThat(record(chat).orElseThrow().region()).isEmpty();
        assertThat(harness.subscriptions.counts())
                .containsExactly(new Subscriptions.PlaceCount("KR", Optional.empty(), 1));
    }

    @Test
    void aQuestionInTheMiddleStillGetsItsFaqAnswerAndTheExchangeGoesOn() {
        ConversationHarness.Chat chat = harness.chat("chi");
        chat.say("/subscribe");

        List<Reply> answered = chat.say(DialogueTest.RENEW_VI);

        assertThat(answered.get(0).kind()).isIn(ReplyKind.ANSWER, ReplyKind.SUGGESTION);
        assertThat(answered.get(answered.size() - 1).text()).contains("Đang đăng ký nhận thông báo");
        assertThat(text(chat.say("Đài Loan"))).contains("Đã ghi: Đài Loan");
        assertThat(text(chat.say("bo qua"))).contains("Đã đăng ký");
    }

    @Test
    void thanksWhileTheRegionIsAskedIsSmallTalkNotARegion() {
        ConversationHarness.Chat chat = harness.chat("phuong");
        chat.say("/subscribe");
        chat.say("Nhật Bản");

        assertThat(chat.say("cảm ơn bạn")).first().extracting(Reply::kind).isNotEqualTo(ReplyKind.SUBSCRIPTION);
        assertThat(record(chat).orElseThrow().region()).isEmpty();
        assertThat(record(chat).orElseThrow().step()).isEqualTo(Subscription.Step.REGION);
    }

    @Test
    void theCountrySaidTwiceIsNotTakenForARegion() {
        ConversationHarness.Chat chat = harness.chat("quang");
        chat.say("/subscribe");
        chat.say("Nhật Bản");

        assertThat(text(chat.say("Nhật Bản"))).contains("Đã ghi: Nhật Bản");
        assertThat(text(chat.say("Kyoto"))).contains("Nhật Bản (Kyoto)");
    }

    @Test
    void anEmergencyInTheMiddleIsAnsweredAsAnEmergency() {
        ConversationHarness.Chat chat = harness.chat("dung");
        chat.say("/subscribe");

        List<Reply> replies = chat.say("cứu tôi với, tôi bị bắt cóc");

        assertThat(replies.get(0).kind()).isEqualTo(ReplyKind.EMERGENCY);
        assertThat(record(chat).orElseThrow().step()).isEqualTo(Subscription.Step.COUNTRY);
    }

    @Test
    void cancelLeavesTheExchangeAndTheNextMessageIsAQuestionAgain() {
        ConversationHarness.Chat chat = harness.chat("em");
        chat.say("/subscribe");

        assertThat(text(chat.say("/cancel"))).contains("Đã dừng").contains("chưa đăng ký");
        List<Reply> after = chat.say("Nhật Bản");

        assertThat(after).extracting(Reply::kind).doesNotContain(ReplyKind.SUBSCRIPTION);
        assertThat(record(chat).orElseThrow().active()).isFalse();
        assertThat(harness.subscriptions.counts()).isEmpty();
    }

    @Test
    void afterTheTimeoutTheQuestionIsForgotten() {
        ConversationHarness.Chat chat = harness.chat("giang");
        chat.say("/subscribe");
        harness.clock.advance(Duration.ofMinutes(31));

        assertThat(chat.say("Nhật Bản")).extracting(Reply::kind).doesNotContain(ReplyKind.SUBSCRIPTION);
        assertThat(harness.subscriptions.counts()).isEmpty();
    }

    @Test
    void aShortAnswerThatIsNoCountryOnTheListGetsTheList() {
        ConversationHarness.Chat chat = harness.chat("ha");
        chat.say("/subscribe");

        String reply = text(chat.say("Narnia"));

        assertThat(reply).contains("chưa nhận ra").contains("Nhật Bản").contains("Hàn Quốc");
        assertThat(record(chat).orElseThrow().step()).isEqualTo(Subscription.Step.COUNTRY);
    }

    @Test
    void unsubscribeWithdrawsConsentAtOnceAndKeepsOnlyTheTimes() {
        ConversationHarness.Chat chat = harness.chat("khanh");
        chat.say("/subscribe");
        chat.say("Nhật");
        chat.say("Tokyo");
        harness.clock.advance(Duration.ofHours(2));

        assertThat(text(chat.say("/unsubscribe"))).contains("Đã hủy đăng ký");

        Subscription s = record(chat).orElseThrow();
        assertThat(s.active()).isFalse();
        assertThat(s.withdrawnAt()).contains(harness.clock.instant());
        assertThat(s.consentedAt()).contains(harness.clock.instant().minus(Duration.ofHours(2)));
        assertThat(s.country()).as("the place is no longer kept").isEmpty();
        assertThat(s.region()).isEmpty();
        assertThat(harness.subscriptions.counts()).isEmpty();
        assertThat(text(chat.say("/unsubscribe"))).contains("chưa đăng ký");
    }

    @Test
    void subscribingAgainToChangePlaceAndCancellingKeepsTheOldSubscription() {
        ConversationHarness.Chat chat = harness.chat("lam");
        chat.say("/subscribe");
        chat.say("Nhật Bản");
        chat.say("bỏ qua");

        chat.say("/dangky");
        assertThat(text(chat.say("/huy"))).contains("vẫn giữ nguyên");

        assertThat(harness.subscriptions.counts())
                .containsExactly(new Subscriptions.PlaceCount("JP", Optional.empty(), 1));
    }

    @Test
    void theWelcomeInvitesToSubscribe() {
        assertThat(text(harness.chat("mai").say("/start"))).contains("/subscribe");
    }

    @Test
    void whereNoSubscriptionIsOfferedTheCommandSaysSo() {
        try (ConversationHarness plain = ConversationHarness.create()) {
            ConversationHarness.Chat chat = plain.chat("ngoc");
            assertThat(text(chat.say("/subscribe"))).contains("chưa có ở đây");
        }
    }
}
