package org.consularbot.store;

/** The console's sign-in records on H2. */
class H2OfficerLoginsTest extends OfficerLoginsContract {
    @Override
    Database newDatabase() {
        return TestDatabases.h2();
    }
}
