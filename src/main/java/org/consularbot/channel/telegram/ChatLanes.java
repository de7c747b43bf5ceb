package org.consularbot.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.consularbot.conversation.ConversationKey;

/**
 * Answers stored messages off the receiving thread: one single-thread lane per slice of chats, so one chat's
 * messages are answered in the order they came while other chats go on in parallel, and a reply waiting for its
 * send slot never holds up receiving. Work still queued when the process stops is not lost: the messages are
 * stored, and start-up recovery answers them.
 */
final class ChatLanes implements AutoCloseable {

    private final List<ExecutorService> lanes = new ArrayList<>();

    ChatLanes(int count, String name) {
        AtomicInteger threads = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            lanes.add(Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, name + "-lane-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    void submit(ConversationKey chat, Runnable work) {
        lanes.get(Math.floorMod(chat.hashCode(), lanes.size())).execute(work);
    }

    /** Stops taking work and waits a little for what is running; the rest is left to recovery. */
    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }
}
