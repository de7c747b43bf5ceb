package org.consularbot.channel.zalo;

/** The vault contract on the tests' in-memory twin. */
class InMemoryZaloVaultTest extends ZaloVaultContract {

    @Override
    protected ZaloTokens.Vault newVault() {
        return new InMemoryZaloVault();
    }
}
