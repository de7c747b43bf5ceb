package org.consularbot.conversation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A channel that records every reply it took, in order, with the thread that sent it. Failures can be queued
 * for the next sends: a {@link DeliveryException} (the channel refused), a RuntimeException, or an Error
 * such as {@link Crash} (the process dying mid-send). A delegate (a mock, say) is called first.
 */
final class RecordingSender implements ReplySender {

    /** Stands for the process dying: nothing after it runs, and nobody catches it. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("simulated crash " + where);
        }
    }

    /** A reply as the channel took it. */
    record Sent(OutboxEntry entry, String thread) {}

    private final ReplySender delegate;
    private final List<Sent> sent = new ArrayList<>();
    private final Deque<Throwable> failures = new ArrayDeque<>();
    private int attempts;

    RecordingSender(ReplySender delegate) {
        this.delegate = delegate;
    }

    /** The next send fails with {@code failure}. */
    synchronized void failNext(Throwable failure) {
        failures.add(failure);
    }

    @Override
    public void send(OutboxEntry entry) throws DeliveryException {
        synchronized (this) {
            attempts++;
            Throwable failure = failures.poll();
            if (failure instanceof DeliveryException e) {
                throw e;
            } else if (failure instanceof RuntimeException e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            }
        }
        if (delegate != null) {
            delegate.send(entry);
        }
        synchronized (this) {
            sent.add(new Sent(entry, Thread.currentThread().getName()));
        }
    }

    /** The replies taken so far, oldest first. */
    synchronized List<OutboxEntry> sent() {
        return sent.stream().map(Sent::entry).toList();
    }

    synchronized List<Sent> sentWithThreads() {
        return List.copyOf(sent);
    }

    /** Every call to send, failed ones included. */
    synchronized int attempts() {
        return attempts;
    }
}
