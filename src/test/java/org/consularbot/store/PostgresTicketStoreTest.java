package org.consularbot.store;

/** The ticket store contract on a real PostgreSQL (embedded in the test JVM). */
class PostgresTicketStoreTest extends TicketStoreContract {
    @Override
    Database newDatabase() {
        return TestDatabases.postgres();
    }
}
