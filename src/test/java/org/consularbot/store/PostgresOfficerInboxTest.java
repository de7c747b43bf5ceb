package org.consularbot.store;

import org.consularbot.handoff.OfficerInbox;
import org.consularbot.handoff.OfficerInboxContract;

/** The officer inbox contract on the officer_inbox table, on a real PostgreSQL (embedded in the test JVM), the database several instances share. */
class PostgresOfficerInboxTest extends OfficerInboxContract {

    private Database db;

    @Override
    protected OfficerInbox newInbox() {
        db = TestDatabases.postgres();
        return new JdbcOfficerInbox(db.dataSource());
    }

    @Override
    protected void closeInbox() {
        db.close();
    }
}
