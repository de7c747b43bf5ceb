package org.consularbot.conversation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Duty officers as the test sees them: switched on or off, and every call the bot made to them recorded. */
final class RecordingEscalation implements Escalation {

    volatile boolean available;
    /** Reachable but nobody on duty by the roster (outside hours). */
    volatile boolean offDuty;
    /** Every call throws, as a broken officer side would; the calls are still recorded. */
    volatile boolean broken;

    final List<OfficerRequest> requests = new CopyOnWriteArrayList<>();
    final List<InboundMessage> relayed = new CopyOnWriteArrayList<>();
    final List<Conversation> withdrawn = new CopyOnWriteArrayList<>();
    final List<Conversation> acknowledged = new CopyOnWriteArrayList<>();

    private void failIfBroken() {
        if (broken) {
            throw new IllegalStateException("officer side down");
        }
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public boolean onDuty() {
        return available && !offDuty;
    }

    @Override
    public void requestOfficer(OfficerRequest request) {
        requests.add(request);
        failIfBroken();
    }

    @Override
    public void relay(Conversation conversation, InboundMessage message) {
        relayed.add(message);
        failIfBroken();
    }

    @Override
    public void acknowledgeRelay(Conversation conversation) {
        acknowledged.add(conversation);
        failIfBroken();
    }

    @Override
    public void withdraw(Conversation conversation) {
        withdrawn.add(conversation);
        failIfBroken();
    }
}
