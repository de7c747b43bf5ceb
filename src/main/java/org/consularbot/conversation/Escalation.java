package org.consularbot.conversation;

/**
 * The way to human duty officers. The handoff module implements it; until then {@link #NONE} says no officer
 * can be reached by chat, and the bot gives the hotline and the mission's contacts instead.
 */
public interface Escalation {

    /** Whether an officer can be reached through the bot right now. */
    boolean available();

    /** Asks for an officer to take the conversation; an emergency's request is urgent. */
    void requestOfficer(OfficerRequest request);

    /** Passes a citizen's message to the officer in charge (or waiting to be). */
    void relay(Conversation conversation, InboundMessage message);

    /** The citizen withdrew the request or left the officer. */
    void withdraw(Conversation conversation);

    /** No officers: nothing to reach. */
    Escalation NONE = new Escalation() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void requestOfficer(OfficerRequest request) {}

        @Override
        public void relay(Conversation conversation, InboundMessage message) {}

        @Override
        public void withdraw(Conversation conversation) {}
    };
}
