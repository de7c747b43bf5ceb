package org.consularbot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.consularbot.handoff.OfficerDirectory;
import org.consularbot.handoff.OfficerLogins;
import org.consularbot.handoff.TicketStore;

/**
 * Who is signed in to the console, and the rules for it: listed officers with a password only; 5 failures in a row
 * lock the id for 15 minutes (counted for unknown ids too, with the same answer, so the page does not tell which ids
 * exist); a session ends after the idle timeout; each session has its own CSRF token. Every sign-in, refusal, lockout
 * and sign-out is audited in the tickets' audit trail (no ticket).
 */
final class ConsoleSignIn {

    static final int FAILURE_LIMIT = 5;
    /** How the ids nobody listed begin in console_logins and the audit ({@link #unlisted}). */
    static final String UNLISTED = "unlisted:";

    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    /** What a sign-in attempt came to. */
    sealed interface Outcome {}

    /** Signed in: the token goes in the cookie, only its hash in the database. */
    record SignedIn(String token, OfficerLogins.Session session) implements Outcome {}

    record Refused() implements Outcome {}

    record Locked(Instant until) implements Outcome {}

    private final OfficerLogins logins;
    private final OfficerDirectory officers;
    private final TicketStore audit;
    private final ConsolePasswords passwords;
    private final Duration idleTimeout;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConsoleSignIn(
            OfficerLogins logins,
            OfficerDirectory officers,
            TicketStore audit,
            ConsolePasswords passwords,
            Duration idleTimeout,
            Clock clock) {
        this.logins = logins;
        this.officers = officers;
        this.audit = audit;
        this.passwords = passwords;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    Outcome signIn(String rawId, String password, String language) {
        String userId = rawId.strip();
        Instant now = clock.instant();
        if (userId.isEmpty() || userId.length() > 64) {
            return new Refused();
        }
        boolean listed = officers.find(userId).isPresent();
        // An id nobody listed is often a password typed in the wrong box: it is counted and audited under a digest,
        // never as typed, and locked like a listed one so that the page does not tell which ids exist.
        String who = listed ? userId : unlisted(userId);
        Optional<Instant> locked = logins.lockedUntil(who, now);
        if (locked.isPresent()) {
            audit.audit(Optional.empty(), who, "console-refused", "sign-in while locked", now);
            return new Locked(locked.get());
        }
        if (passwords.matches(password, listed ? logins.passwordHash(userId) : Optional.empty())) {
            logins.succeeded(userId);
            String token = token();
            OfficerLogins.Session session = new OfficerLogins.Session(hash(token), userId, token(), language, now, now);
            logins.createSession(session);
            audit.audit(Optional.empty(), userId, "console-sign-in", "signed in", now);
            return new SignedIn(token, session);
        }
        Optional<Instant> lock = logins.failed(who, now, FAILURE_LIMIT, LOCK_FOR);
        audit.audit(
                Optional.empty(),
                who,
                "console-refused",
                lock.map(until -> "wrong password; locked until " + until).orElse("wrong id or password"),
                now);
        return lock.<Outcome>map(Locked::new).orElseGet(Refused::new);
    }

    /**
     * The session behind a cookie's token, if it has not been idle too long; {@code touch} counts this request as
     * activity (pages and actions do; live updates do not, or an open tab would never time out). An idle session is
     * ended here.
     */
    Optional<OfficerLogins.Session> session(String token, boolean touch) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String key = hash(token);
        Instant now = clock.instant();
        Optional<OfficerLogins.Session> session = logins.session(key);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (idle(session.get())) {
            logins.endSession(key);
            audit.audit(Optional.empty(), session.get().userId(), "console-sign-out", "idle timeout", now);
            return Optional.empty();
        }
        if (officers.find(session.get().userId()).isEmpty()) {
            logins.endSession(key);
            return Optional.empty();
        }
        if (touch) {
            logins.touch(key, now);
        }
        return session;
    }

    boolean idle(OfficerLogins.Session session) {
        return !session.lastSeen().plus(idleTimeout).isAfter(clock.instant());
    }

    /** Whether the session (looked up again) is still alive, without counting as activity. */
    boolean alive(String tokenHash) {
        return logins.session(tokenHash).filter(s -> !idle(s)).isPresent();
    }

    void signOut(OfficerLogins.Session session) {
        logins.endSession(session.tokenHash());
        audit.audit(Optional.empty(), session.userId(), "console-sign-out", "signed out", clock.instant());
    }

    void setLanguage(OfficerLogins.Session session, String language) {
        logins.setLanguage(session.tokenHash(), language);
    }

    /** A fresh random token (256 bits), for sessions, CSRF and the sign-in form. */
    String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * How an id that is not listed is counted and audited: {@code unlisted:} and the first 16 hex digits of its SHA-256,
     * enough to see the same id tried again, and what was typed is not kept.
     */
    static String unlisted(String typed) {
        return UNLISTED + hash("console sign-in\n" + typed).substring(0, 16);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** Compares secrets in constant time. */
    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
