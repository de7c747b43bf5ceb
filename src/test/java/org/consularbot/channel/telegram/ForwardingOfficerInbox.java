package org.consularbot.channel.telegram;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.consularbot.handoff.OfficerInbox;

/** An officer inbox that passes every call to another: a test overrides the one call it makes fail or race. */
class ForwardingOfficerInbox implements OfficerInbox {

    private final OfficerInbox to;

    ForwardingOfficerInbox(OfficerInbox to) {
        this.to = to;
    }

    @Override
    public boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at, Claim claim) {
        return to.add(sourceId, ticket, payload, at, claim);
    }

    @Override
    public boolean claim(String sourceId, Claim claim, Instant now) {
        return to.claim(sourceId, claim, now);
    }

    @Override
    public int renew(Collection<String> sourceIds, Claim claim) {
        return to.renew(sourceIds, claim);
    }

    @Override
    public void handled(String sourceId, Instant at) {
        to.handled(sourceId, at);
    }

    @Override
    public List<Action> pending(int limit) {
        return to.pending(limit);
    }

    @Override
    public List<Action> claimable(String holder, Instant now, int limit) {
        return to.claimable(holder, now, limit);
    }

    @Override
    public int prune(Instant before) {
        return to.prune(before);
    }
}
