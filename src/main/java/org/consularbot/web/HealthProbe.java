package org.consularbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.consularbot.conversation.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A check (the database answers) run in the background on a schedule, each run within a timeout of its own, so that
 * {@code /health} and {@code /ready} answer at once from its last result. Run on the request, an embedded database that
 * could not open again held {@code /health} for 10 s (the pool's connection timeout, twice), longer than a
 * supervisor's probe waits. A result older than {@link Schedule#staleAfter()} counts as failed: the checking itself
 * has stopped.
 */
public final class HealthProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthProbe.class);

    /**
     * When the check runs: every {@code every} after the last run ended, each run waited for at most {@code timeout}; a
     * result older than {@code staleAfter} counts as failed (it must exceed {@code every + timeout}, the age a result
     * reaches while the checking works).
     */
    public record Schedule(Duration every, Duration timeout, Duration staleAfter) {

        /**
         * Every 2 s, each run within 3 s: a result is at most about 5 s old, so one 15 s old means the checks stopped.
         */
        public static final Schedule DEFAULT =
                new Schedule(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(15));

        public Schedule {
            if (every.isNegative() || every.isZero() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("a probe's period and timeout must be positive");
            }
            if (staleAfter.compareTo(every.plus(timeout)) <= 0) {
                throw new IllegalArgumentException("a probe's result must count as stale only after every + timeout");
            }
        }
    }

    /**
     * The last result as a route answers it: what failed (empty when the check passed, and fresh) and how old it is.
     */
    public record Reading(String name, Optional<String> problem, Duration age) {

        public boolean passed() {
            return problem.isEmpty();
        }

        /** The problem and the result's age, e.g. {@code closed (checked 2 s ago)}; "ok" when it passed. */
        public String detail() {
            return problem.orElse("ok") + " (checked " + age.toSeconds() + " s ago)";
        }

        /** When the result was known, e.g. {@code database checked 2 s ago}. */
        public String checked() {
            return name + " checked " + age.toSeconds() + " s ago";
        }

        /** What {@code /health} answers when liveness is this check: {@code ok (database checked 2 s ago)}. */
        public WebServer.Status health() {
            return passed()
                    ? new WebServer.Status(true, "ok (" + checked() + ")")
                    : new WebServer.Status(false, name + " " + detail());
        }
    }

    /** One run's outcome and when it was known. */
    private record Result(Optional<String> problem, Instant at) {}

    private final String name;
    private final String failure;
    private final BooleanSupplier works;
    /** What may explain a failed check ("disk nearly full (0.2 MB free)"), added to its problem; empty when nothing. */
    private final Supplier<Optional<String>> cause;

    private final Schedule schedule;
    private final Clock clock;
    /** Runs the check, which may hang: the schedule's thread waits for it only up to the timeout. */
    private final ExecutorService checker;

    private final ScheduledExecutorService runs;
    private final AtomicReference<Result> last;
    /** A check that outlived its run's timeout: the next run waits for it again instead of starting another. */
    private Future<Boolean> pending;

    /**
     * @param name what is checked, as the answers name it ("database")
     * @param failure the problem when the check answers false ("closed")
     * @param works whether the thing works; may block (it runs on a thread of its own)
     */
    public HealthProbe(String name, String failure, BooleanSupplier works, Schedule schedule, Clock clock) {
        this(name, failure, works, Optional::empty, schedule, clock);
    }

    /**
     * @param cause what may explain a failure, asked only when the check fails or gives no answer (for the embedded
     *     database: whether its disk is full)
     */
    public HealthProbe(
            String name,
            String failure,
            BooleanSupplier works,
            Supplier<Optional<String>> cause,
            Schedule schedule,
            Clock clock) {
        this.name = name;
        this.failure = failure;
        this.works = works;
        this.cause = cause;
        this.schedule = schedule;
        this.clock = clock;
        this.checker = Executors.newSingleThreadExecutor(DaemonThreads.named(name + "-check"));
        this.runs = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name + "-probe"));
        this.last = new AtomicReference<>(new Result(Optional.of("not checked yet"), clock.instant()));
    }

    /**
     * Checks once now, then on the schedule. The first check runs before this returns, so that the routes never answer
     * before there is a result.
     */
    public void start() {
        check();
        long every = schedule.every().toMillis();
        runs.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** One run: the check's answer within the timeout, recorded with the time it was known. */
    synchronized void check() {
        if (pending == null) {
            pending = checker.submit(works::getAsBoolean);
        }
        Optional<String> problem;
        try {
            problem = pending.get(schedule.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.empty()
                    : Optional.of(failure);
            pending = null;
        } catch (TimeoutException e) {
            problem = Optional.of("gave no answer within " + shown(schedule.timeout()));
        } catch (ExecutionException e) {
            pending = null;
            log.warn("{} check failed: {}", name, e.getCause().toString());
            problem = Optional.of(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
            return;
        }
        last.set(new Result(problem.map(this::explained), clock.instant()));
    }

    private String explained(String problem) {
        try {
            return cause.get().map(why -> problem + "; " + why).orElse(problem);
        } catch (RuntimeException e) {
            return problem;
        }
    }

    /** The last result, at once: whatever a running check is doing, it is not waited for. */
    public Reading last() {
        Result result = last.get();
        Duration age = Duration.between(result.at(), clock.instant());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        Optional<String> problem = age.compareTo(schedule.staleAfter()) > 0
                ? Optional.of("result older than " + shown(schedule.staleAfter()))
                : result.problem();
        return new Reading(name, problem, age);
    }

    private static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public void close() {
        runs.shutdownNow();
        checker.shutdownNow();
    }
}
