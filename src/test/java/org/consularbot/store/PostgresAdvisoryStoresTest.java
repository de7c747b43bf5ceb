package org.consularbot.store;

/** The advisory store contract on Postgres. */
class PostgresAdvisoryStoresTest extends JdbcAdvisoryStores {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
