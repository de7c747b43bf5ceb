package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Regression (FullDiskIT): after H2 closed itself on a full disk, a statement could spin for ever inside H2's store; with
 * the store's assertions on it fails with an AssertionError instead, which must reach the pool as the database being
 * closed, or the pool keeps the connection and the caller's job dies of an Error. Which connection spins is a race
 * inside H2 that a test cannot set up, so the H2 objects here are stand-ins that throw what H2 throws then.
 */
class H2ConnectionsTest {

    /** A statement whose query fails as H2's store does once its count of sessions fell below zero. */
    private static PreparedStatement spinningStatement() {
        return (PreparedStatement) Proxy.newProxyInstance(
                PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p, method, a) -> {
                    throw new AssertionError("v=56 / cnt=-1");
                });
    }

    @Test
    void h2FailingItsOwnCheckIsTheDatabaseClosedForThePool() {
        PreparedStatement guarded = H2Connections.guard(spinningStatement(), PreparedStatement.class);

        Throwable thrown = catchThrowable(guarded::executeQuery);

        assertThat(thrown).isInstanceOf(SQLException.class).hasCauseInstanceOf(AssertionError.class);
        assertThat(((SQLException) thrown).getErrorCode())
                .as("the code the pool's eviction knows: H2's 'database closed'")
                .isEqualTo(90098);
    }

    @Test
    void statementsAndResultsOfAGuardedConnectionAreGuardedAndAnswerAsH2Does() throws Exception {
        H2Connections connections = new H2Connections("jdbc:h2:mem:guarded;DB_CLOSE_DELAY=-1");
        try (Connection connection = connections.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 41 + 1")) {
            assertThat(Proxy.isProxyClass(statement.getClass())).isTrue();
            assertThat(Proxy.isProxyClass(rows.getClass())).isTrue();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void h2sOwnErrorsPassUnchanged() throws Exception {
        try (Connection connection = new H2Connections("jdbc:h2:mem:guarded2").getConnection();
                Statement statement = connection.createStatement()) {
            Throwable thrown = catchThrowable(() -> statement.executeQuery("SELECT * FROM no_such_table"));
            assertThat(thrown).isInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown).getErrorCode()).isEqualTo(42104); // table not found
        }
    }
}
