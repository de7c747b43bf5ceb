package org.consularbot.handoff;

/** The officer inbox contract on the in-memory twin. */
class InMemoryOfficerInboxTest extends OfficerInboxContract {

    @Override
    protected OfficerInbox newInbox() {
        return new InMemoryOfficerInbox();
    }
}
