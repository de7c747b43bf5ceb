package org.consularbot.store;

/** The advisory store contract on H2. */
class H2AdvisoryStoresTest extends JdbcAdvisoryStores {
    @Override
    Database open() {
        return TestDatabases.h2();
    }
}
