package org.consularbot.conversation;

import java.time.Clock;
import java.util.Map;

/** One process's turn services on a store, wired as the composition root wires them: what tests drive. */
record Wired(TurnProcessor processor, ReplyDelivery delivery, Recovery recovery, OfficerTurns officerTurns) {

    static Wired wire(
            ConversationStore store,
            Outbox outbox,
            ConversationLocks locks,
            Dialogue dialogue,
            Map<String, ? extends ReplySender> senders,
            Clock clock) {
        ReplyDelivery delivery = new ReplyDelivery(outbox, store, locks, Map.copyOf(senders), clock);
        TurnProcessor processor = new TurnProcessor(store, locks, dialogue, delivery);
        return new Wired(
                processor,
                delivery,
                new Recovery(store, delivery, processor, clock),
                new OfficerTurns(store, locks, delivery, clock));
    }
}
