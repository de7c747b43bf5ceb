package org.consularbot.conversation;

import java.util.List;

/** A decided turn: what to commit, and what to do once it is committed (calls to officers). */
record Decision(TurnRecord record, List<Runnable> afterCommit) {}
