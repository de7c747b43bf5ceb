package org.consularbot.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Answers stored messages off the receiving thread: one single-thread lane per slice of chats, so one chat's
 * messages are answered in the order they came while other chats go on in parallel, and a reply waiting for its
 * send slot never holds up receiving. Work still queued when the process stops is not lost: the messages are
 * stored, and start-up recovery answers them.
 */
public final class ChatLanes implements AutoCloseable {

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

    public ChatLanes(int count, String name) {
        ThreadFactory threads = DaemonThreads.numbered(name + "-lane");
        for (int i = 0; i < count; i++) {
            lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads));
        }
    }

    public void submit(ConversationKey chat, Runnable work) {
        lanes.get(Math.floorMod(chat.hashCode(), lanes.size())).execute(work);
    }

    /**
     * Stops taking work, drops what is queued (stored, so recovery answers it) and gives what is running up to
     * {@code grace} in all to finish: a container's stop timeout is usually 10 s.
     */
    public void close(Duration grace) {
        // Not shutdownNow: an interrupt in the middle of a database write can close an H2 file under everyone.
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
            lane.getQueue().clear();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ThreadPoolExecutor lane : lanes) {
            try {
                lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
