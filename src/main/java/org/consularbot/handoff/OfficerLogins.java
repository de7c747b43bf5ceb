package org.consularbot.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the officers' web console keeps about signing in: password hashes (never passwords), failed attempts and the
 * lockout they cause, and signed-in sessions known only by a hash of their token. A port, so the console's rules are
 * tested on H2 and PostgreSQL alike; the hashing itself is the web adapter's.
 */
public interface OfficerLogins {

    /** A signed-in browser: the hash of its token, whose it is, its CSRF token, language, and last request. */
    record Session(
            String tokenHash, String userId, String csrf, String language, Instant createdAt, Instant lastSeen) {}

    /** Sets (or replaces) the officer's password hash; false when no such officer is listed. */
    boolean setPasswordHash(String userId, String hash, Instant at);

    Optional<String> passwordHash(String userId);

    /** Whether any officer has a password: the console then counts as a way to reach officers. */
    boolean anyPassword();

    /** Until when sign-in is refused for this id, if it is locked at {@code now}. */
    Optional<Instant> lockedUntil(String userId, Instant now);

    /**
     * Counts a failed sign-in; at the {@code limit}-th in a row the id is locked until {@code now + lockFor} and the
     * count starts again. Returns the lock's end when this failure caused one.
     */
    Optional<Instant> failed(String userId, Instant now, int limit, Duration lockFor);

    /** A successful sign-in forgets the failures. */
    void succeeded(String userId);

    /** The officers with a session whose last request came after {@code since}: who is signed in, not idle. */
    Set<String> activeSince(Instant since);

    void createSession(Session session);

    Optional<Session> session(String tokenHash);

    /** Records a request on the session (what the idle timeout counts from). */
    void touch(String tokenHash, Instant at);

    void setLanguage(String tokenHash, String language);

    void endSession(String tokenHash);
}
