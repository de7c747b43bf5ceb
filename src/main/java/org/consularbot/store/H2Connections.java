package org.consularbot.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * H2's connections as the pool gets them, with H2's failed checks of itself reported as the database being closed.
 *
 * <p>After a write it cannot make (a full disk) H2 closes the database, and a statement that starts on one of its
 * sessions at the wrong moment spins for ever in {@code MVStore.registerVersionUsage}: its count of sessions using the
 * current version fell below zero, and the loop waits for a new version that a closed store never makes. FullDiskIT
 * found the relay thread spinning there (a core busy, every relay job stopped: nothing retried, and a message
 * acknowledged on the full disk never answered after it was freed); a standalone H2 program filling a fake disk under 8
 * threads left threads spinning in 3 runs of 6. The loop asserts the count's invariant, so with MVStore's assertions
 * on it throws an AssertionError instead (0 threads spinning in 8 runs). That error escapes JDBC as it is (H2 converts
 * only exceptions); here it becomes the SQLException of a closed database (90098), which the pool's {@link
 * ClosedDatabaseEviction} drops and counts, and which the rest of the bot handles as any database failure.
 */
final class H2Connections implements DataSource {

    static {
        // Before H2's store class is loaded (nothing opens an H2 database before this class): a class's assertions
        // are fixed when it is initialized. MVStore's checks are cheap (a lock held, a counter's sign).
        H2Connections.class.getClassLoader().setClassAssertionStatus("org.h2.mvstore.MVStore", true);
        // The automatic mixed mode (DatabaseSettings.jdbcUrl) serves the file to the bot's other processes over TCP,
        // by default on every interface: this machine's processes are the only ones it is for. Read by H2 once, before
        // its first server starts; an operator's own -Dh2.bindAddress is kept.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** What H2 answers on a database it closed by itself; the pool drops a connection that reports it. */
    private static final int DATABASE_IS_CLOSED = 90098;

    /** The JDBC objects whose calls reach H2's store: what they return is guarded as well. */
    private static final Set<Class<?>> GUARDED =
            Set.of(Statement.class, PreparedStatement.class, CallableStatement.class, ResultSet.class);

    private final String url;

    H2Connections(String url) {
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(new Properties());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return connect(properties);
    }

    private Connection connect(Properties properties) throws SQLException {
        Connection connection = org.h2.Driver.load().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not an H2 URL: " + url);
        }
        return guard(connection, Connection.class);
    }

    /** {@code target} behind {@code type}, each call's AssertionError thrown as the database closed. */
    static <T> T guard(T target, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw closedIfH2FailedItsCheck(e.getCause());
            }
            Class<?> returned = method.getReturnType();
            return result != null && GUARDED.contains(returned) ? guardAs(result, returned) : result;
        }));
    }

    private static <T> T guardAs(Object result, Class<T> type) {
        return guard(type.cast(result), type);
    }

    private static Throwable closedIfH2FailedItsCheck(Throwable thrown) {
        if (!(thrown instanceof AssertionError)) {
            return thrown;
        }
        return new SQLException(
                "The database has been closed (H2 failed a check of its store: " + thrown.getMessage() + ")",
                String.valueOf(DATABASE_IS_CLOSED),
                DATABASE_IS_CLOSED,
                thrown);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // H2 logs through its own trace; nothing to set
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // an embedded database has no login to wait for
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("H2 logs through its own trace");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
