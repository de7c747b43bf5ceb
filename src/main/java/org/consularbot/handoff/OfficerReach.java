package org.consularbot.handoff;

import java.time.Instant;
import java.util.List;

/**
 * Who would see a request for an officer now, through what delivers to them. The bot tells a citizen "the duty officer
 * has been alerted" only when an officer on duty is reachable: with the web console alone, an officer counted as
 * reachable as soon as any password was set, signed in or not, and citizens were promised officers nobody would tell.
 */
public interface OfficerReach {

    /** Whether anything delivers to officers at all: a request is then queued for them, even if nobody sees it yet. */
    boolean channel();

    /** Of these listed officers, those a request reaches now. */
    List<Officer> reachable(List<Officer> officers, Instant now);

    /** Every listed officer (the Telegram officers' group, where they all are; the terminal trial's console). */
    OfficerReach EVERYONE = all(true);

    /** Nothing delivers to officers. */
    OfficerReach NOBODY = all(false);

    private static OfficerReach all(boolean reached) {
        return new OfficerReach() {
            @Override
            public boolean channel() {
                return reached;
            }

            @Override
            public List<Officer> reachable(List<Officer> officers, Instant now) {
                return reached ? officers : List.of();
            }
        };
    }
}
