package org.consularbot.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Reads webhook bodies so that slow senders cannot take the server's threads from everyone else. A body is read on
 * the request's thread, which a sender trickling bytes holds for as long as it likes: 250 such connections on the
 * Zalo route (whose signature covers the body: a call that looks signed can only be judged once it is read) once left
 * {@code /health} unanswered for 10 s. So at most {@code readers} bodies are read at once (the next caller gets 503 at once and the
 * channel retries later), each within {@code deadline} (408 after it), and none over {@link #MAX_BYTES} (413).
 */
final class WebhookBodies {

    /** A Telegram update or a Zalo event is a few kilobytes; nothing legitimate comes near this. */
    static final int MAX_BYTES = 1_000_000;

    private final Semaphore readers;
    private final long deadlineNanos;
    private final LongSupplier nanoTime;

    WebhookBodies(int readers, Duration deadline, LongSupplier nanoTime) {
        this.readers = new Semaphore(readers);
        this.deadlineNanos = deadline.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Why a body was not read, as the HTTP status to answer. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String why) {
            super(why, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** One request's body, read at most once when the channel asks for it; close it when the request is done. */
    final class Reading implements AutoCloseable {
        private final InputStream in;
        private final long declaredLength;
        private boolean holding;
        private byte[] body;

        private Reading(InputStream in, long declaredLength) {
            this.in = in;
            this.declaredLength = declaredLength;
        }

        /** The whole body; throws {@link Refused} when too many are being read, it is too big or too slow. */
        byte[] body() {
            if (body != null) {
                return body;
            }
            if (declaredLength > MAX_BYTES) {
                throw new Refused(413, "body over " + MAX_BYTES + " bytes");
            }
            if (!readers.tryAcquire()) {
                throw new Refused(503, "too many bodies being read");
            }
            holding = true;
            body = readWithin();
            return body;
        }

        private byte[] readWithin() {
            long start = nanoTime.getAsLong();
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    out.write(buffer, 0, n);
                    if (out.size() > MAX_BYTES) {
                        throw new Refused(413, "body over " + MAX_BYTES + " bytes");
                    }
                    if (nanoTime.getAsLong() - start > deadlineNanos) {
                        throw new Refused(408, "body not received in time");
                    }
                }
            } catch (IOException e) {
                // The sender went away or stayed silent past the idle timeout: nothing to answer, nothing to log.
                throw new Refused(400, "body not received: " + e.getClass().getSimpleName());
            }
            return out.toByteArray();
        }

        @Override
        public void close() {
            if (holding) {
                holding = false;
                readers.release();
            }
        }
    }

    Reading open(InputStream in, long declaredLength) {
        return new Reading(in, declaredLength);
    }
}
