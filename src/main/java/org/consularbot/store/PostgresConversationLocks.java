package org.consularbot.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationLocks;
import org.consularbot.conversation.InProcessLocks;
import org.consularbot.conversation.StoreException;

/**
 * One lock per conversation across every instance on one PostgreSQL: a session advisory lock on a key hashed
 * from the conversation, held on a connection of a pool of its own (a turn also needs connections for its work;
 * sharing one pool could starve it). Inside one instance the in-process reentrant lock is taken first, and only
 * the outermost hold of a thread takes the advisory lock, so an officer's turn started inside a citizen's turn
 * does not wait for itself.
 */
public final class PostgresConversationLocks implements ConversationLocks {

    private final InProcessLocks local = new InProcessLocks();
    private final DataSource lockConnections;
    private final ThreadLocal<Map<ConversationKey, Integer>> depth = ThreadLocal.withInitial(HashMap::new);

    /** @param lockConnections a pool used for nothing else, at least as large as the threads answering turns */
    public PostgresConversationLocks(DataSource lockConnections) {
        this.lockConnections = lockConnections;
    }

    @Override
    public Held lock(ConversationKey key) {
        Held inProcess = local.lock(key);
        Map<ConversationKey, Integer> held = depth.get();
        int level = held.merge(key, 1, Integer::sum);
        if (level > 1) {
            return () -> release(key, inProcess, null);
        }
        long id = id(key);
        Connection connection = null;
        try {
            connection = lockConnections.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, id);
                lock.execute();
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            held.merge(key, -1, Integer::sum);
            held.remove(key, 0);
            inProcess.close();
            throw new StoreException("database error while taking a conversation lock (" + e.getSQLState() + ")", e);
        }
        Connection owner = connection;
        return () -> release(key, inProcess, owner);
    }

    private void release(ConversationKey key, Held inProcess, Connection owner) {
        Map<ConversationKey, Integer> held = depth.get();
        held.merge(key, -1, Integer::sum);
        held.remove(key, 0);
        try {
            if (owner != null) {
                try (PreparedStatement unlock = owner.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, id(key));
                    unlock.execute();
                } catch (SQLException e) {
                    // the session ends with the connection below, which releases its locks anyway
                } finally {
                    closeQuietly(owner);
                }
            }
        } finally {
            inProcess.close();
        }
    }

    /** A stable 64-bit number for the conversation (first 8 bytes of SHA-256 of "channel:chat"). */
    static long id(ConversationKey key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more to do
            }
        }
    }
}
