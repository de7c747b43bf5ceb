package org.consularbot.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerLogins;
import org.consularbot.handoff.OfficerReach;

/**
 * Officers reached through the web console alone: those signed in now, their session not idle (the idle timeout, as
 * the console counts it). A password set is a way in, not somebody reading: with no one signed in a request is queued
 * for them, and the citizen is told honestly that no officer is on duty now.
 */
public final class ConsoleReach implements OfficerReach {

    private final OfficerLogins logins;
    private final Duration idleTimeout;

    public ConsoleReach(OfficerLogins logins, Duration idleTimeout) {
        this.logins = logins;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public boolean channel() {
        return logins.anyPassword();
    }

    @Override
    public List<Officer> reachable(List<Officer> officers, Instant now) {
        Set<String> signedIn = logins.activeSince(now.minus(idleTimeout));
        return officers.stream().filter(o -> signedIn.contains(o.userId())).toList();
    }
}
