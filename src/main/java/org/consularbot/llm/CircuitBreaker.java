package org.consularbot.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a model that keeps failing: after {@code threshold} failures in a row, calls are refused for
 * {@code openFor}; then one trial call is let through, and a success closes the circuit. So an LLM outage costs
 * each citizen a quick safe reply instead of a 20-second wait. Ten lines of state with the injected clock, hence
 * no library.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private boolean trialRunning;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may be made now; once the pause is over, only one trial call until it reports back. */
    synchronized boolean allows() {
        if (failures < threshold) {
            return true;
        }
        if (trialRunning || clock.instant().isBefore(openUntil)) {
            return false;
        }
        trialRunning = true;
        return true;
    }

    synchronized void succeeded() {
        failures = 0;
        openUntil = Instant.MIN;
        trialRunning = false;
    }

    synchronized void failed() {
        failures++;
        trialRunning = false;
        if (failures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    synchronized boolean open() {
        return !allows();
    }
}
