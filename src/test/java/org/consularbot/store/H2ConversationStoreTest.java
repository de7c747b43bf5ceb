package org.consularbot.store;

/** The store contract on H2, the embedded default. */
class H2ConversationStoreTest extends ConversationStoreContract {

    @Override
    Database newDatabase() {
        return TestDatabases.h2();
    }
}
