package org.consularbot.conversation;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-conversation locks within one process. Locks are weakly held: one nobody holds or waits for is
 * collected, so memory does not grow with the number of conversations ever seen.
 */
public final class InProcessLocks implements ConversationLocks {

    private final LoadingCache<ConversationKey, ReentrantLock> locks =
            Caffeine.newBuilder().weakValues().build(key -> new ReentrantLock());

    @Override
    public Held lock(ConversationKey key) {
        ReentrantLock lock = locks.get(key);
        lock.lock();
        return lock::unlock;
    }
}
