package org.consularbot.advisory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port for advisories and their four-eyes moves. The moves are conditional (a draft only, and for approval a
 * different officer than the drafter) so two officers acting at once cannot both win. Implementations:
 * {@link InMemoryAdvisories}, and the JDBC one in the store.
 */
public interface Advisories {

    /** Stores a new draft; returns it with its id. */
    Advisory add(Advisory draft);

    Optional<Advisory> find(long id);

    /** The latest first, at most {@code limit}. */
    List<Advisory> recent(int limit);

    /** Draft → approved, only if still a draft and {@code by} is not its drafter. */
    boolean approve(long id, String by, Instant at);

    /** Draft or approved → cancelled. */
    boolean cancel(long id, String by, Instant at);
}
