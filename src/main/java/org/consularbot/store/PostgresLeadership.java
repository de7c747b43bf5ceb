package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.consularbot.conversation.ConversationKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Am I the one?" across instances on one PostgreSQL, for work only one may do (Telegram long polling: two pollers
 * conflict): a session advisory lock held on a connection kept open. When the leader dies its session ends and
 * the lock is free; another instance takes over at its next ask.
 */
public final class PostgresLeadership implements BooleanSupplier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresLeadership.class);

    private final DataSource connections;
    private final long lockId;
    private final String role;
    private Connection held;

    public PostgresLeadership(DataSource connections, String role) {
        this.connections = connections;
        this.role = role;
        this.lockId = PostgresConversationLocks.id(new ConversationKey("leader", role));
    }

    /** Whether this instance leads now; tries to become leader when nobody does. */
    @Override
    public synchronized boolean getAsBoolean() {
        try {
            if (held != null && held.isValid(2)) {
                return true;
            }
            release();
            Connection connection = connections.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, lockId);
                try (ResultSet rows = lock.executeQuery()) {
                    if (rows.next() && rows.getBoolean(1)) {
                        held = connection;
                        log.info("this instance now leads: {}", role);
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            release();
            return false;
        }
    }

    private void release() {
        if (held != null) {
            // Unlock explicitly: closing a pooled connection returns it to the pool with its session (and lock) alive.
            try (PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, lockId);
                unlock.execute();
            } catch (SQLException e) {
                // the session is gone, and its lock with it
            }
            try {
                held.close();
            } catch (SQLException e) {
                // nothing more to do
            }
            held = null;
        }
    }

    @Override
    public synchronized void close() {
        release();
    }
}
