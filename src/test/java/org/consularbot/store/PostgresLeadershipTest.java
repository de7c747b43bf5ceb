package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only one instance leads (polls Telegram); when it goes, another takes over at its next ask. */
class PostgresLeadershipTest {

    @Test
    void oneLeaderAtATimeAndATakeoverWhenItGoes() {
        String url = TestDatabases.postgresUrl();
        try (Database first = Database.open(DatabaseSettings.of(url));
                Database second = Database.open(DatabaseSettings.of(url))) {
            PostgresLeadership a = new PostgresLeadership(first.dataSource(), "telegram-poller");
            PostgresLeadership b = new PostgresLeadership(second.dataSource(), "telegram-poller");
            PostgresLeadership other = new PostgresLeadership(second.dataSource(), "something-else");

            assertThat(a.getAsBoolean()).isTrue();
            assertThat(b.getAsBoolean()).isFalse();
            assertThat(a.getAsBoolean()).as("still leads").isTrue();
            assertThat(other.getAsBoolean())
                    .as("another role has its own leader")
                    .isTrue();

            a.close(); // the leading instance stops (or dies: its session ends)
            assertThat(b.getAsBoolean()).isTrue();
            assertThat(a.getAsBoolean()).isFalse();
            b.close();
            other.close();
        }
    }
}
