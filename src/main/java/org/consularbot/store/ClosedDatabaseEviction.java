package org.consularbot.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the pool that a connection H2 reports as closed is dead. H2 closes an embedded database by itself after a
 * write it cannot make (a full disk) and answers "database is closed" (codes 90098, 90121) on every connection it had
 * opened; the pool only drops connections on connection-class errors (SQL state 08…), so it kept serving dead ones
 * and the bot never recovered. Dropped, they are replaced by new ones, which open the database file again; such an
 * error also drops every idle connection ({@code onClosed}), so that no later use fails on one, and is counted, so
 * that what H2 lost in closing is given back from the receipt journal ({@link Database#closures()}).
 */
final class ClosedDatabaseEviction implements SQLExceptionOverride {

    private static final int DATABASE_IS_CLOSED = 90098;
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    private final Runnable onClosed;

    ClosedDatabaseEviction(Runnable onClosed) {
        this.onClosed = onClosed;
    }

    // java.lang.Override spelled out: the interface's own Override enum hides the annotation's simple name here.
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        int code = e.getErrorCode();
        if (code != DATABASE_IS_CLOSED && code != DATABASE_CALLED_AT_SHUTDOWN) {
            return Override.CONTINUE_EVICT;
        }
        onClosed.run();
        return Override.MUST_EVICT;
    }
}
