package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.consularbot.handoff.OfficerInbox;
import org.consularbot.handoff.OfficerInboxContract;
import org.junit.jupiter.api.Test;

/** The officer inbox contract on the officer_inbox table, on H2, the embedded default. */
class H2OfficerInboxTest extends OfficerInboxContract {

    private Database db;
    private JdbcOfficerInbox inbox;

    @Override
    protected OfficerInbox newInbox() {
        db = TestDatabases.h2();
        inbox = new JdbcOfficerInbox(db.dataSource());
        return inbox;
    }

    /** The embedded file admits one process: what the last run held is nobody's at the next start. */
    @Test
    void theLastRunsClaimsAreReleasedAtStartSoItsActionsRunWithoutWaitingForThemToRunOut() {
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        inbox.add(
                "telegram:1", Optional.empty(), "a", start, new OfficerInbox.Claim("last-run", start.plusSeconds(30)));
        inbox.add(
                "telegram:2", Optional.empty(), "b", start, new OfficerInbox.Claim("last-run", start.plusSeconds(30)));
        inbox.handled("telegram:2", start);

        assertThat(inbox.releaseClaims()).as("the one not handled").isEqualTo(1);

        assertThat(inbox.claim("telegram:1", new OfficerInbox.Claim("this-run", start.plusSeconds(31)), start))
                .isTrue();
    }

    @Override
    protected void closeInbox() {
        db.close();
    }
}
