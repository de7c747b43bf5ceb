package org.consularbot.cli;

import java.time.Duration;
import org.consularbot.config.ConsoleConfig;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.store.JdbcTranscripts;
import org.consularbot.web.ConsolePasswords;
import org.consularbot.web.OfficerConsole;

/** Wires the officers' web console to an assembled bot: the same desk, tickets and officers as its other channels. */
final class ConsoleAssembly {

    private ConsoleAssembly() {}

    /** @param every how often open pages are checked for changes: a citizen's message shows within about this */
    static OfficerConsole open(BotAssembly assembly, ConsoleConfig config, Duration every) {
        JdbcTranscripts transcripts = new JdbcTranscripts(assembly.database.dataSource());
        return new OfficerConsole(
                new OfficerConsole.Parts(
                        assembly.desk(),
                        assembly.tickets,
                        assembly.officers,
                        new JdbcOfficerLogins(assembly.database.dataSource()),
                        transcripts::transcript,
                        transcripts::version,
                        assembly.officerOutbox,
                        assembly::serving,
                        assembly.config.handoff().urgentLimit(),
                        assembly.config.handoff().normalLimit()),
                config,
                new ConsolePasswords(),
                assembly.clock(),
                every);
    }
}
