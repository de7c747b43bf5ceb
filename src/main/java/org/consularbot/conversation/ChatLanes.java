package org.consularbot.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers stored messages off the receiving thread: one single-thread lane per slice of chats, so one chat's
 * messages are answered in the order they came while other chats go on in parallel, and a reply waiting for its
 * send slot never holds up receiving. Queues are bounded: a chat with {@link #MAX_PER_CHAT} messages waiting, or a
 * full lane, gets no more work queued; the messages are stored all the same and the stale-message recovery answers
 * them later, so one flooding chat cannot fill the memory or push every other chat back. Work still queued when
 * the process stops is not lost either: start-up recovery answers it.
 */
public final class ChatLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);
    /** Messages of one chat waiting on its lane at most; more are left to recovery. */
    public static final int MAX_PER_CHAT = 20;
    /** Work waiting on one lane at most, over all its chats. */
    static final int MAX_PER_LANE = 2_000;

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();
    private final Map<ConversationKey, Integer> waiting = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    public ChatLanes(int count, String name) {
        ThreadFactory threads = DaemonThreads.numbered(name + "-lane");
        for (int i = 0; i < count; i++) {
            lanes.add(new ThreadPoolExecutor(
                    1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(MAX_PER_LANE), threads));
        }
    }

    /**
     * Queues work for a chat behind its earlier work; false when it was not queued (the chat already has {@link
     * #MAX_PER_CHAT} waiting, the lane is full, or the lanes are closing): the caller's message is stored, so it is
     * answered later by recovery rather than lost.
     */
    public boolean submit(ConversationKey chat, Runnable work) {
        boolean[] admitted = {false};
        waiting.compute(chat, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= MAX_PER_CHAT) {
                return n;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            refuse(chat);
            return false;
        }
        try {
            lanes.get(Math.floorMod(chat.hashCode(), lanes.size())).execute(() -> {
                try {
                    work.run();
                } finally {
                    done(chat);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            done(chat);
            refuse(chat);
            return false;
        }
    }

    /** Work of this chat queued or running (for tests). */
    int waiting(ConversationKey chat) {
        return waiting.getOrDefault(chat, 0);
    }

    private void done(ConversationKey chat) {
        waiting.computeIfPresent(chat, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The first refusal is logged, then one in a thousand: a flood must not flood the log too. */
    private void refuse(ConversationKey chat) {
        long count = refused.incrementAndGet();
        if (count == 1 || count % 1_000 == 0) {
            log.warn(
                    "work for a {} chat not queued (flooding, or the lanes are full or closing); {} so far;"
                            + " the messages are stored and recovery answers them",
                    chat.channel(),
                    count);
        }
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
