package org.consularbot.store;

import org.consularbot.advisory.Advisories;
import org.consularbot.advisory.AdvisoryStoreContract;
import org.consularbot.advisory.Subscriptions;

/** The advisory store contract on the V18 tables, on Postgres. */
class PostgresAdvisoryStoresTest extends AdvisoryStoreContract {

    private Database db;

    private Database db() {
        if (db == null) {
            db = TestDatabases.postgres();
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
