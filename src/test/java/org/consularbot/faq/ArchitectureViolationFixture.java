package org.consularbot.faq;

import org.consularbot.store.Database;

/** Breaks the core's rule on purpose (it reaches the database): {@code ArchitectureTest} proves the rule catches it. */
public final class ArchitectureViolationFixture {

    String where(Database database) {
        return database.url();
    }
}
