package org.consularbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A webhook body is read whole, or refused with the status that says why; a slow sender never holds a reader long. */
class WebhookBodiesTest {

    private final AtomicLong nanos = new AtomicLong();
    private final WebhookBodies bodies = new WebhookBodies(2, Duration.ofSeconds(10), nanos::get);

    private static InputStream text(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static int refusal(WebhookBodies.Reading reading) {
        try {
            reading.body();
            return 200;
        } catch (WebhookBodies.Refused refused) {
            return refused.status();
        }
    }

    @Test
    void aBodyIsReadOnceWhole() {
        try (WebhookBodies.Reading reading = bodies.open(text("{\"update_id\":1}"), 15)) {
            assertThat(new String(reading.body(), StandardCharsets.UTF_8)).isEqualTo("{\"update_id\":1}");
            assertThat(reading.body()).as("asked again: the same bytes").hasSize(15);
        }
    }

    @Test
    void whenEveryReaderIsTakenTheNextCallerIsToldToComeBackAndAFreedReaderServesAgain() {
        WebhookBodies.Reading first = bodies.open(text("a"), 1);
        WebhookBodies.Reading second = bodies.open(text("b"), 1);
        first.body();
        second.body();
        try (WebhookBodies.Reading third = bodies.open(text("c"), 1)) {
            assertThat(refusal(third)).isEqualTo(503);
        }
        first.close();
        try (WebhookBodies.Reading fourth = bodies.open(text("d"), 1)) {
            assertThat(fourth.body()).hasSize(1);
        }
        second.close();
    }

    @Test
    void aSenderTooSlowIsCutOffAtTheDeadlineAndItsReaderFreed() {
        InputStream trickle = new InputStream() {
            @Override
            public int read() {
                nanos.addAndGet(Duration.ofSeconds(3).toNanos()); // one byte every 3 s
                return 'x';
            }
        };
        try (WebhookBodies.Reading slow = bodies.open(trickle, 5_000)) {
            assertThat(refusal(slow)).isEqualTo(408);
        }
        WebhookBodies.Reading a = bodies.open(text("a"), 1);
        WebhookBodies.Reading b = bodies.open(text("b"), 1);
        assertThat(a.body()).hasSize(1);
        assertThat(b.body()).as("the slow sender's reader was given back").hasSize(1);
        a.close();
        b.close();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherDeclaredOrNot() {
        try (WebhookBodies.Reading declared = bodies.open(text("x"), WebhookBodies.MAX_BYTES + 1L)) {
            assertThat(refusal(declared)).isEqualTo(413);
        }
        try (WebhookBodies.Reading undeclared =
                bodies.open(new ByteArrayInputStream(new byte[WebhookBodies.MAX_BYTES + 10]), -1)) {
            assertThat(refusal(undeclared)).isEqualTo(413);
        }
    }

    @Test
    void aSenderThatGoesAwayGetsABadRequestNotAStackTrace() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Early EOF");
            }
        };
        try (WebhookBodies.Reading reading = bodies.open(broken, 100)) {
            assertThat(refusal(reading)).isEqualTo(400);
        }
    }
}
