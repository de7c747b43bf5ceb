package org.consularbot.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who may act on tickets. Managed with {@code officer add|remove|list}. */
public interface OfficerDirectory {

    Optional<Officer> find(String userId);

    List<Officer> all();

    /** Adds the officer, or updates the name and role of one already listed. */
    void add(Officer officer, Instant at);

    boolean remove(String userId);
}
