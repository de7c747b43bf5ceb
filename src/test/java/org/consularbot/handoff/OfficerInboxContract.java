package org.consularbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The officer inbox contract, written once and run on the in-memory twin, H2 and a real PostgreSQL. */
public abstract class OfficerInboxContract {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private OfficerInbox inbox;

    protected abstract OfficerInbox newInbox();

    protected void closeInbox() {}

    @BeforeEach
    void open() {
        inbox = newInbox();
    }

    @AfterEach
    void close() {
        closeInbox();
    }

    @Test
    void anActionIsPendingUntilHandledOldestFirst() {
        assertThat(inbox.add("telegram:7", Optional.of(3L), "{\"text\":\"/take 3\"}", T0.plusSeconds(2)))
                .isTrue();
        assertThat(inbox.add("telegram:5", Optional.empty(), "{\"text\":\"xin chào, em đợi chút nhé 🙏\"}", T0))
                .isTrue();

        assertThat(inbox.pending(10))
                .extracting(OfficerInbox.Action::sourceId)
                .containsExactly("telegram:5", "telegram:7");
        assertThat(inbox.pending(10).get(0).payload()).isEqualTo("{\"text\":\"xin chào, em đợi chút nhé 🙏\"}");
        assertThat(inbox.pending(10).get(0).receivedAt()).isEqualTo(T0);
        assertThat(inbox.pending(10))
                .as("the ticket each is about, when the channel could tell")
                .extracting(OfficerInbox.Action::ticket)
                .containsExactly(Optional.empty(), Optional.of(3L));
        assertThat(inbox.pending(1)).hasSize(1);

        inbox.handled("telegram:5", T0.plusSeconds(3));

        assertThat(inbox.pending(10)).extracting(OfficerInbox.Action::sourceId).containsExactly("telegram:7");
    }

    @Test
    void aRedeliveryIsRecognisedBeforeAndAfterItRan() {
        assertThat(inbox.add("telegram:9", Optional.empty(), "a", T0)).isTrue();
        assertThat(inbox.add("telegram:9", Optional.empty(), "a", T0.plusSeconds(1)))
                .as("stored, not yet run")
                .isFalse();
        assertThat(inbox.pending(10)).hasSize(1);

        inbox.handled("telegram:9", T0.plusSeconds(2));

        assertThat(inbox.add("telegram:9", Optional.empty(), "a", T0.plusSeconds(5)))
                .as("already run")
                .isFalse();
        assertThat(inbox.pending(10)).isEmpty();
    }

    @Test
    void pruningForgetsOnlyOldHandledActions() {
        inbox.add("old-handled", Optional.empty(), "a", T0);
        inbox.add("old-pending", Optional.empty(), "b", T0);
        inbox.add("new-handled", Optional.empty(), "c", T0.plus(Duration.ofDays(2)));
        inbox.handled("old-handled", T0.plusSeconds(1));
        inbox.handled("new-handled", T0.plus(Duration.ofDays(2)));

        assertThat(inbox.prune(T0.plus(Duration.ofDays(1)))).isEqualTo(1);

        assertThat(inbox.pending(10)).extracting(OfficerInbox.Action::sourceId).containsExactly("old-pending");
        assertThat(inbox.add("new-handled", Optional.empty(), "c", T0.plus(Duration.ofDays(3))))
                .as("still remembered")
                .isFalse();
        assertThat(inbox.add("old-handled", Optional.empty(), "a", T0.plus(Duration.ofDays(3))))
                .as("forgotten")
                .isTrue();
    }
}
