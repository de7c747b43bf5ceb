package org.consularbot.conversation;

/**
 * The way to human duty officers. The handoff module implements it; until then {@link #NONE} says no officer
 * can be reached by chat, and the bot gives the hotline and the mission's contacts instead.
 */
public interface Escalation {

    /** Whether an officer can be reached through the bot right now. */
    boolean available();

    /**
     * Whether an officer is reachable and on duty right now: only then may the bot tell a citizen the duty officer has
     * been alerted; otherwise it says honestly that nobody is on duty and gives the hotline.
     */
    boolean onDuty();

    /** Asks for an officer to take the conversation; an emergency's request is urgent. */
    void requestOfficer(OfficerRequest request);

    /** Passes a citizen's message to the officer in charge (or waiting to be). */
    void relay(Conversation conversation, InboundMessage message);

    /**
     * After a relay to the officer holding the conversation: tells the citizen it reached them, at most once a minute
     * per ticket, so a citizen writing to an officer who is typing is not left wondering; nothing while it waits.
     */
    void acknowledgeRelay(Conversation conversation);

    /** The citizen withdrew the request or left the officer. */
    void withdraw(Conversation conversation);

    /** No officers: nothing to reach. */
    Escalation NONE = new Escalation() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public boolean onDuty() {
            return false;
        }

        @Override
        public void requestOfficer(OfficerRequest request) {}

        @Override
        public void relay(Conversation conversation, InboundMessage message) {}

        @Override
        public void acknowledgeRelay(Conversation conversation) {}

        @Override
        public void withdraw(Conversation conversation) {}
    };
}
