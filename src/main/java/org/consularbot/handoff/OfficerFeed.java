package org.consularbot.handoff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One officer's view of the officers' outbox, for a desk that shows every card, relay, notice and alarm (the terminal
 * console): it follows the outbox by its ids, so every desk sees every message. The console used to take what it
 * printed out of the outbox: two consoles split it, a card "for lan, minh" appeared only in Lan's, and after Minh took
 * the urgent ticket the victim's messages appeared only in Lan's too.
 *
 * <p>It starts at the first message no desk has delivered yet, and records what it shows as delivered (the first
 * delivery stands). Ids are handed out when a message is stored, not when it is committed, so one may become visible
 * after a higher one: the feed looks back {@link #LOOK_BACK} ids each time and shows each message once.
 */
public final class OfficerFeed {

    private static final int LOOK_BACK = 100;
    private static final int BATCH = 200;

    private final OfficerOutbox outbox;
    private final Clock clock;
    private final String desk;
    /** Where this feed started: what lay below was delivered before it. */
    private final long start;
    /** Ids shown within the look-back, so a late one is shown and none twice. */
    private final TreeSet<Long> shown = new TreeSet<>();

    private long highest;

    /** @param desk this desk's name, recorded as the channel's message id of what it delivers */
    public OfficerFeed(OfficerOutbox outbox, Clock clock, String desk) {
        this.outbox = outbox;
        this.clock = clock;
        this.desk = desk;
        this.start = outbox.deliveredUpTo();
        this.highest = start;
    }

    /** The messages this desk has not shown yet, oldest first; each is recorded as delivered. */
    public synchronized List<OfficerMessage> next() {
        List<OfficerMessage> fresh = new ArrayList<>();
        for (OfficerMessage message : outbox.after(Math.max(start, highest - LOOK_BACK), BATCH)) {
            if (shown.add(message.id())) {
                fresh.add(message);
                highest = Math.max(highest, message.id());
            }
        }
        shown.headSet(highest - LOOK_BACK).clear();
        for (OfficerMessage message : fresh) {
            outbox.markSent(message.id(), desk + "-" + message.id(), clock.instant());
        }
        return fresh;
    }
}
