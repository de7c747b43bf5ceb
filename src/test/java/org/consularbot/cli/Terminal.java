package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A command running as in a terminal of its own, for the tests that run several at once: its keyboard (standard
 * input) typed on by the test, its screen (output) read as it comes.
 */
record Terminal(OutputStream keyboard, Supplier<String> screen, BooleanSupplier running, Duration patience) {

    void type(String text) throws IOException {
        keyboard.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    String out() {
        return screen.get();
    }

    /** Waits until the screen shows {@code text}; fails, with the screen, after {@link #patience} or if it ended. */
    void waitFor(String text) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (!out().contains(text)) {
            assertThat(System.nanoTime() < until && running.getAsBoolean())
                    .as("waiting for \"" + text + "\"; the screen shows:\n" + out())
                    .isTrue();
            Thread.sleep(100);
        }
    }
}
