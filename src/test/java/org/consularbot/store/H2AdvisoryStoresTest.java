package org.consularbot.store;

import org.consularbot.advisory.Advisories;
import org.consularbot.advisory.AdvisoryStoreContract;
import org.consularbot.advisory.Subscriptions;

/** The advisory store contract on the V18 tables, on H2. */
class H2AdvisoryStoresTest extends AdvisoryStoreContract {

    private Database db;

    private Database db() {
        if (db == null) {
            db = TestDatabases.h2();
        }
        return db;
    }

    @Override
    protected Subscriptions newSubscriptions() {
        return new JdbcSubscriptions(db().dataSource());
    }

    @Override
    protected Advisories newAdvisories() {
        return new JdbcAdvisories(db().dataSource());
    }

    @Override
    protected void closeStores() {
        db.close();
        db = null;
    }
}
