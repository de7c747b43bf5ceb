package org.consularbot.channel.telegram;

import org.consularbot.store.Database;

/** Breaks the adapters' rule on purpose (a channel reading the store): {@code ArchitectureTest} proves the rule catches it. */
public final class ArchitectureViolationFixture {

    String where(Database database) {
        return database.url();
    }
}
