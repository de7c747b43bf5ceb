package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.consularbot.conversation.StoreException;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL (embedded in the test JVM), the production database. */
class PostgresConversationStoreTest extends ConversationStoreContract {

    @Override
    Database newDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void unreachableDatabaseFailsNamingTheUrlWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/nothing?user=bot&password=secret";

        StoreException e = catchThrowableOfType(StoreException.class, () -> Database.open(DatabaseSettings.of(url)));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("jdbc:postgresql://127.0.0.1:1/nothing")
                .doesNotContain("secret");
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).as("cause %s", cause).doesNotContain("secret");
        }
    }
}
