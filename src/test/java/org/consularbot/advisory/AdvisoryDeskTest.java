package org.consularbot.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.consularbot.ManualClock;
import org.consularbot.faq.Language;
import org.junit.jupiter.api.Test;

/** The four-eyes rule, the checks on a draft, and how many subscribers an advisory would reach. */
class AdvisoryDeskTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Set<String> COUNTRIES = Set.of("JP", "KR", "TW");
    private static final AdvisoryDesk.Staff LAN = new AdvisoryDesk.Staff("lan", false);
    private static final AdvisoryDesk.Staff MINH = new AdvisoryDesk.Staff("minh", true);
    private static final AdvisoryDesk.Staff HOA = new AdvisoryDesk.Staff("hoa", true);

    private final ManualClock clock = new ManualClock(T0);
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final AdvisoryDesk desk = new AdvisoryDesk(new InMemoryAdvisories(), subscriptions, clock);

    private static AdvisoryDesk.Draft draft(List<Target> targets, Optional<Instant> expires) {
        return new AdvisoryDesk.Draft(
                Advisory.Level.CAUTION,
                new Advisory.Text("Bão", "Ở trong nhà."),
                new Advisory.Text("Storm", "Stay indoors."),
                targets,
                false,
                expires);
    }

    private static AdvisoryDesk.Draft draft(String... targets) {
        return draft(List.of(targets).stream().map(Target::parse).toList(), Optional.empty());
    }

    private void subscribe(String chat, String country, String region) {
        subscriptions.save(Subscription.starting(new Subscriber("telegram", chat), Language.VI, T0)
                .confirmed(country, Optional.ofNullable(region), Language.VI, T0));
    }

    @Test
    void theDrafterCannotApproveTheirOwnAdvisoryEvenAsASupervisor() {
        Advisory a = desk.draft(MINH, draft("JP"), COUNTRIES);

        assertThatThrownBy(() -> desk.approve(a.id(), MINH))
                .isInstanceOf(AdvisoryRefused.class)
                .hasMessage("four eyes: minh drafted advisory " + a.id()
                        + " and cannot approve it too; another supervisor must");
        assertThat(desk.existing(a.id()).state()).isEqualTo(Advisory.State.DRAFT);

        assertThat(desk.approve(a.id(), HOA).state()).isEqualTo(Advisory.State.APPROVED);
    }

    @Test
    void onlyASupervisorApprovesAndOnlyADraft() {
        Advisory a = desk.draft(LAN, draft("JP"), COUNTRIES);

        assertThatThrownBy(() -> desk.approve(a.id(), new AdvisoryDesk.Staff("tuan", false)))
                .hasMessageContaining("tuan is not a supervisor");
        desk.approve(a.id(), MINH);
        assertThatThrownBy(() -> desk.approve(a.id(), HOA)).hasMessageContaining("is approved, not a draft");
        assertThatThrownBy(() -> desk.approve(99, HOA)).hasMessage("no advisory 99");
    }

    @Test
    void anExpiredDraftIsNotApproved() {
        Advisory a = desk.draft(LAN, draft(List.of(Target.parse("JP")), Optional.of(T0.plusSeconds(3600))), COUNTRIES);
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> desk.approve(a.id(), MINH)).hasMessageContaining("expired");
    }

    @Test
    void aBadDraftIsRefusedWithItsReason() {
        assertThatThrownBy(() -> desk.draft(LAN, draft("FR"), COUNTRIES))
                .hasMessageContaining("unknown country FR")
                .hasMessageContaining("JP, KR, TW");
        assertThatThrownBy(() -> desk.draft(LAN, draft(), COUNTRIES)).hasMessageContaining("at least one target");
        assertThatThrownBy(() ->
                        desk.draft(LAN, draft(List.of(Target.parse("JP")), Optional.of(T0.minusSeconds(1))), COUNTRIES))
                .hasMessageContaining("already past");
        AdvisoryDesk.Draft noBody = new AdvisoryDesk.Draft(
                Advisory.Level.DANGER,
                new Advisory.Text("Bão", " "),
                new Advisory.Text("Storm", "Stay indoors."),
                List.of(Target.parse("JP")),
                false,
                Optional.empty());
        assertThatThrownBy(() -> desk.draft(LAN, noBody, COUNTRIES))
                .hasMessage("the Vietnamese title and body must not be empty");
        AdvisoryDesk.Draft longBody = new AdvisoryDesk.Draft(
                Advisory.Level.DANGER,
                new Advisory.Text("Bão", "Ở trong nhà."),
                new Advisory.Text("Storm", "x".repeat(3001)),
                List.of(Target.parse("JP")),
                false,
                Optional.empty());
        assertThatThrownBy(() -> desk.draft(LAN, longBody, COUNTRIES)).hasMessageContaining("at most 3000");
        assertThatThrownBy(() -> Target.parse("japan")).hasMessageContaining("two capital letters");
        assertThatThrownBy(() -> Advisory.Level.fromCode("urgent"))
                .hasMessageContaining("information, caution or danger");
    }

    @Test
    void reachCountsEachActiveSubscriberOnceWhateverTargetsCoverThem() {
        subscribe("1", "JP", "Osaka");
        subscribe("2", "JP", "Tokyo");
        subscribe("3", "JP", null);
        subscribe("4", "KR", "Seoul");
        subscriptions.save(subscriptions
                .find(new Subscriber("telegram", "4"))
                .orElseThrow()
                .withdrawn(T0));

        assertThat(desk.reach(desk.draft(LAN, draft("JP"), COUNTRIES))).isEqualTo(3);
        assertThat(desk.reach(desk.draft(LAN, draft("JP:osaka"), COUNTRIES)))
                .as("regions ignore case")
                .isEqualTo(1);
        assertThat(desk.reach(desk.draft(LAN, draft("JP", "JP:Osaka"), COUNTRIES)))
                .isEqualTo(3);
        assertThat(desk.reach(desk.draft(LAN, draft("KR"), COUNTRIES)))
                .as("withdrawn")
                .isZero();
    }

    @Test
    void cancellingIsOnce() {
        Advisory a = desk.draft(LAN, draft("JP"), COUNTRIES);

        assertThat(desk.cancel(a.id(), LAN).state()).isEqualTo(Advisory.State.CANCELLED);
        assertThatThrownBy(() -> desk.cancel(a.id(), LAN)).hasMessageContaining("already cancelled");
        assertThatThrownBy(() -> desk.approve(a.id(), MINH)).hasMessageContaining("cancelled, not a draft");
    }
}
