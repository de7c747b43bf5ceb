package org.consularbot.store;

import org.consularbot.channel.zalo.ZaloTokens;
import org.consularbot.channel.zalo.ZaloVaultContract;

/** The vault contract on the zalo_tokens row, on H2, the embedded default. */
class H2ZaloTokensTest extends ZaloVaultContract {

    private Database db;

    @Override
    protected ZaloTokens.Vault newVault() {
        db = TestDatabases.h2();
        return new JdbcZaloTokens(db.dataSource());
    }

    @Override
    protected void closeVault() {
        db.close();
    }
}
