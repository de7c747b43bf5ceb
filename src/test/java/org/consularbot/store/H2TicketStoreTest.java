package org.consularbot.store;

/** The ticket store contract on H2. */
class H2TicketStoreTest extends TicketStoreContract {
    @Override
    Database newDatabase() {
        return TestDatabases.h2();
    }
}
