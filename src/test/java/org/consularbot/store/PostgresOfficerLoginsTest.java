package org.consularbot.store;

/** The console's sign-in records on Postgres. */
class PostgresOfficerLoginsTest extends OfficerLoginsContract {
    @Override
    Database newDatabase() {
        return TestDatabases.postgres();
    }
}
