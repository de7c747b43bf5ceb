package org.consularbot.store;

import org.consularbot.handoff.OfficerInbox;
import org.consularbot.handoff.OfficerInboxContract;

/** The officer inbox contract on the officer_inbox table, on H2, the embedded default. */
class H2OfficerInboxTest extends OfficerInboxContract {

    private Database db;

    @Override
    protected OfficerInbox newInbox() {
        db = TestDatabases.h2();
        return new JdbcOfficerInbox(db.dataSource());
    }

    @Override
    protected void closeInbox() {
        db.close();
    }
}
