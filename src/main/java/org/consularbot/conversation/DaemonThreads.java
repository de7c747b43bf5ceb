package org.consularbot.conversation;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that never keep the process alive: the bot's background work (lanes, relay, polling, typing, feeds)
 * ends with the process, which stops through its own shutdown path, not by waiting for them.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Every thread named {@code name} (an executor of one thread). */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}… (a pool). */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
