package org.consularbot.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consularbot.channel.telegram.TelegramEmulator;

/**
 * The fault proofs' stage: the Telegram emulator, one PostgreSQL server, and instances of the packaged service
 * polling Telegram through it, each in its own process. Closes in the order an operator would stop them.
 */
final class TwoInstancesOnPostgres implements AutoCloseable {

    static final String TOKEN = "7000002:AAproofTOKENforTheEmulator_0123456789";
    static final String POLLER_LEADS = "this instance now leads: telegram-poller";

    final TelegramEmulator telegram;
    final ProofPostgres postgres;
    final List<BotProcess> instances = new ArrayList<>();

    private TwoInstancesOnPostgres(TelegramEmulator telegram, ProofPostgres postgres) {
        this.telegram = telegram;
        this.postgres = postgres;
    }

    /** Starts the peers and {@code count} instances; the first started is the Telegram poller's leader. */
    static TwoInstancesOnPostgres start(String proof, int count, Map<String, String> extra) {
        TelegramEmulator telegram = TelegramEmulator.start();
        ProofPostgres postgres;
        try {
            postgres = ProofPostgres.start();
        } catch (RuntimeException e) {
            telegram.close();
            throw e;
        }
        TwoInstancesOnPostgres stage = new TwoInstancesOnPostgres(telegram, postgres);
        try {
            for (int i = 1; i <= count; i++) {
                BotProcess instance = BotProcess.start(proof + "-instance-" + i, stage.env(extra));
                stage.instances.add(instance);
                if (i == 1) {
                    stage.awaitLeader(Duration.ofSeconds(20));
                }
            }
            return stage;
        } catch (RuntimeException e) {
            stage.close();
            throw e;
        }
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = telegram.pollingBotSettings(TOKEN, postgres.jdbcUrl());
        env.putAll(extra);
        return env;
    }

    /** The instance whose log says it took the poller's leadership (the proofs kill that one: the harder case). */
    BotProcess awaitLeader(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (BotProcess instance : instances) {
                if (instance.alive() && instance.logCount(POLLER_LEADS) > 0) {
                    return instance;
                }
            }
            ProofReport.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("no instance took the Telegram poller within " + within.toSeconds() + " s");
    }

    @Override
    public void close() {
        for (BotProcess instance : instances) {
            instance.close();
        }
        postgres.close();
        telegram.close();
    }
}
