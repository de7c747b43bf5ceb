package org.consularbot.conversation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.consularbot.faq.Language;

/** Duty officers as the test sees them: switched on or off, and every call the bot made to them recorded. */
final class RecordingEscalation implements Escalation {

    /** One call for an officer. */
    record Request(Conversation conversation, Language language, boolean urgent, String reason) {
    }

    volatile boolean available;
    /** Every call throws, as a broken officer side would; the calls are still recorded. */
    volatile boolean broken;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<InboundMessage> relayed = new CopyOnWriteArrayList<>();
    final List<Conversation> withdrawn = new CopyOnWriteArrayList<>();

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
    public void requestOfficer(Conversation conversation, Language language, boolean urgent, String reason) {
        requests.add(new Request(conversation, language, urgent, reason));
        failIfBroken();
    }

    @Override
    public void relay(Conversation conversation, InboundMessage message) {
        relayed.add(message);
        failIfBroken();
    }

    @Override
    public void withdraw(Conversation conversation) {
        withdrawn.add(conversation);
        failIfBroken();
    }
}
