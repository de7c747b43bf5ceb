package org.consularbot.store;

import org.consularbot.channel.zalo.ZaloTokens;
import org.consularbot.channel.zalo.ZaloVaultContract;

/** The vault contract on the zalo_tokens row, on a real PostgreSQL (embedded in the test JVM), the database several instances share. */
class PostgresZaloTokensTest extends ZaloVaultContract {

    private Database db;

    @Override
    protected ZaloTokens.Vault newVault() {
        db = TestDatabases.postgres();
        return new JdbcZaloTokens(db.dataSource());
    }

    @Override
    protected void closeVault() {
        db.close();
    }
}
