package org.consularbot.advisory;

/** The advisory store contract on the in-memory twins. */
class InMemoryAdvisoryStoresTest extends AdvisoryStoreContract {

    @Override
    protected Subscriptions newSubscriptions() {
        return new InMemorySubscriptions();
    }

    @Override
    protected Advisories newAdvisories() {
        return new InMemoryAdvisories();
    }
}
