package org.consularbot.faq;

/** Breaks the core's rule on purpose (it reaches the database): {@code ArchitectureTest} proves the rule catches it. */
public final class ArchitectureViolationFixture {

    String where(org.consularbot.store.Database database) {
        return database.url();
    }
}
