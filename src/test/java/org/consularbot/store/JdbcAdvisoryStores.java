package org.consularbot.store;

import org.consularbot.advisory.Advisories;
import org.consularbot.advisory.AdvisoryStoreContract;
import org.consularbot.advisory.Subscriptions;

/** The advisory store contract on the V15 tables, on whichever database a subclass opens. */
abstract class JdbcAdvisoryStores extends AdvisoryStoreContract {

    private Database db;

    abstract Database open();

    private Database db() {
        if (db == null) {
            db = open();
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
