package org.consularbot.channel.telegram;

/** Breaks the adapters' rule on purpose (a channel reading the store): {@code ArchitectureTest} proves the rule catches it. */
public final class ArchitectureViolationFixture {

    String where(org.consularbot.store.Database database) {
        return database.url();
    }
}
