package org.consularbot.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.consularbot.faq.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The advisory ports (consent records, advisories with their four-eyes moves), written once and run on the in-memory
 * twins, H2 and a real PostgreSQL.
 */
public abstract class AdvisoryStoreContract {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final Subscriber AN = new Subscriber("telegram", "1001");
    static final Subscriber BINH = new Subscriber("zalo", "2002");
    static final Subscriber CHI = new Subscriber("telegram", "3003");

    private Subscriptions subscriptions;
    private Advisories advisories;

    protected abstract Subscriptions newSubscriptions();

    protected abstract Advisories newAdvisories();

    protected void closeStores() {}

    @BeforeEach
    void open() {
        subscriptions = newSubscriptions();
        advisories = newAdvisories();
    }

    @AfterEach
    void close() {
        closeStores();
    }

    private static Subscription subscribed(Subscriber who, String country, String region, Instant at) {
        return Subscription.starting(who, Language.VI, at)
                .confirmed(country, Optional.ofNullable(region), Language.VI, at);
    }

    @Test
    void aRecordIsStoredWholeAndReplacedWhole() {
        assertThat(subscriptions.find(AN)).isEmpty();
        Subscription asking = Subscription.starting(AN, Language.EN, T0);
        subscriptions.save(asking);
        assertThat(subscriptions.find(AN)).contains(asking);

        Subscription region =
                asking.asking(Subscription.Step.REGION, Optional.of("JP"), Language.EN, T0.plusSeconds(5));
        subscriptions.save(region);
        assertThat(subscriptions.find(AN)).contains(region);

        Subscription done = region.confirmed("JP", Optional.of("Osaka"), Language.EN, T0.plusSeconds(9));
        subscriptions.save(done);
        assertThat(subscriptions.find(AN)).contains(done);
        assertThat(subscriptions.find(AN).orElseThrow().active()).isTrue();
        assertThat(subscriptions.find(new Subscriber("zalo", "1001")))
                .as("another channel's chat")
                .isEmpty();
    }

    @Test
    void countsAreOfActiveConsentPerCountryAndRegionBiggestFirst() {
        subscriptions.save(subscribed(AN, "JP", "Osaka", T0));
        subscriptions.save(subscribed(BINH, "JP", "Osaka", T0));
        subscriptions.save(subscribed(CHI, "KR", null, T0));
        subscriptions.save(subscribed(new Subscriber("telegram", "4004"), "JP", null, T0));
        subscriptions.save(
                subscribed(new Subscriber("telegram", "5005"), "JP", null, T0).withdrawn(T0.plusSeconds(1)));
        subscriptions.save(Subscription.starting(new Subscriber("telegram", "6006"), Language.VI, T0));

        assertThat(subscriptions.counts())
                .containsExactly(
                        new Subscriptions.PlaceCount("JP", Optional.of("Osaka"), 2),
                        new Subscriptions.PlaceCount("JP", Optional.empty(), 1),
                        new Subscriptions.PlaceCount("KR", Optional.empty(), 1));
    }

    @Test
    void aWithdrawalKeepsOnlyTheTimesAndIsNeverCounted() {
        subscriptions.save(subscribed(AN, "JP", "Osaka", T0));
        subscriptions.save(subscriptions.find(AN).orElseThrow().withdrawn(T0.plusSeconds(60)));

        Subscription withdrawn = subscriptions.find(AN).orElseThrow();
        assertThat(withdrawn.active()).isFalse();
        assertThat(withdrawn.country()).isEmpty();
        assertThat(withdrawn.region()).isEmpty();
        assertThat(withdrawn.consentedAt()).contains(T0);
        assertThat(withdrawn.withdrawnAt()).contains(T0.plusSeconds(60));
        assertThat(subscriptions.counts()).isEmpty();
    }

    @Test
    void purgeDeletesOldWithdrawalsAndUnfinishedExchangesButNotActiveConsent() {
        subscriptions.save(subscribed(AN, "JP", null, T0));
        subscriptions.save(subscribed(BINH, "KR", null, T0).withdrawn(T0.plusSeconds(10)));
        subscriptions.save(Subscription.starting(CHI, Language.VI, T0));
        Subscriber recent = new Subscriber("telegram", "7007");
        subscriptions.save(subscribed(recent, "KR", null, T0).withdrawn(T0.plus(Duration.ofDays(5))));

        assertThat(subscriptions.purge(T0.plus(Duration.ofDays(1)))).isEqualTo(2);

        assertThat(subscriptions.find(AN)).as("active consent stays").isPresent();
        assertThat(subscriptions.find(BINH)).isEmpty();
        assertThat(subscriptions.find(CHI)).isEmpty();
        assertThat(subscriptions.find(recent)).as("withdrawn after the cutoff").isPresent();
        assertThat(subscriptions.purge(T0.plus(Duration.ofDays(1))))
                .as("twice: nothing more")
                .isZero();
    }

    @Test
    void forgettingDeletesTheRecord() {
        subscriptions.save(subscribed(AN, "JP", null, T0));
        assertThat(subscriptions.forget(AN)).isTrue();
        assertThat(subscriptions.find(AN)).isEmpty();
        assertThat(subscriptions.forget(AN)).isFalse();
        assertThat(subscriptions.counts()).isEmpty();
    }

    private static Advisory draft(String by) {
        return Advisory.draft(
                Advisory.Level.DANGER,
                new Advisory.Text("Bão ở Osaka", "Ở trong nhà; gọi đường dây nóng nếu cần."),
                new Advisory.Text("Typhoon in Osaka", "Stay indoors; call the hotline if needed."),
                List.of(Target.parse("JP:Osaka"), Target.parse("KR")),
                true,
                Optional.of(T0.plus(Duration.ofDays(2))),
                by,
                T0);
    }

    @Test
    void aDraftIsStoredWithAnIdAndReadBackWhole() {
        Advisory first = advisories.add(draft("lan"));
        Advisory second = advisories.add(draft("lan"));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(advisories.find(first.id())).contains(first);
        assertThat(first.state()).isEqualTo(Advisory.State.DRAFT);
        assertThat(first.targets()).containsExactly(Target.parse("JP:Osaka"), Target.parse("KR"));
        assertThat(first.vi().title()).isEqualTo("Bão ở Osaka");
        assertThat(advisories.recent(10)).extracting(Advisory::id).containsExactly(second.id(), first.id());
        assertThat(advisories.recent(1)).hasSize(1);
        assertThat(advisories.find(9999)).isEmpty();
    }

    @Test
    void theDrafterCannotApproveEvenIfAskedDirectly() {
        Advisory a = advisories.add(draft("minh"));

        assertThat(advisories.approve(a.id(), "minh", T0.plusSeconds(5))).isFalse();
        assertThat(advisories.find(a.id()).orElseThrow().state()).isEqualTo(Advisory.State.DRAFT);

        assertThat(advisories.approve(a.id(), "hoa", T0.plusSeconds(6))).isTrue();
        Advisory approved = advisories.find(a.id()).orElseThrow();
        assertThat(approved.state()).isEqualTo(Advisory.State.APPROVED);
        assertThat(approved.approved()).contains(new Advisory.Decision("hoa", T0.plusSeconds(6)));
        assertThat(advisories.approve(a.id(), "tuan", T0.plusSeconds(7)))
                .as("only a draft")
                .isFalse();
    }

    @Test
    void cancellingKeepsWhoApprovedAndIsOnce() {
        Advisory a = advisories.add(draft("lan"));
        advisories.approve(a.id(), "hoa", T0.plusSeconds(1));

        assertThat(advisories.cancel(a.id(), "lan", T0.plusSeconds(2))).isTrue();
        Advisory cancelled = advisories.find(a.id()).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(Advisory.State.CANCELLED);
        assertThat(cancelled.approved()).contains(new Advisory.Decision("hoa", T0.plusSeconds(1)));
        assertThat(cancelled.cancelled()).contains(new Advisory.Decision("lan", T0.plusSeconds(2)));
        assertThat(advisories.cancel(a.id(), "lan", T0.plusSeconds(3))).isFalse();
        assertThat(advisories.approve(a.id(), "tuan", T0.plusSeconds(4))).isFalse();
        assertThat(advisories.cancel(9999, "lan", T0)).isFalse();
    }
}
