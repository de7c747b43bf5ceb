package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.JdbcOfficerLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code officer passwd}: a password from standard input, for listed officers only, stored as an Argon2id hash. */
class OfficerPasswdTest {

    @TempDir
    Path tmp;

    @Test
    void setsAHashedPasswordReadFromStandardInputForAListedOfficer() {
        ChatDb db = new ChatDb(tmp);
        CliRun.run(db.env(), "officer", "add", "--id", "lan", "--name", "Lan");

        CliRun set = CliRun.runWithInput(db.env(), "correct horse battery\n", "officer", "passwd", "--id", "lan");

        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).contains("web console password set for lan");
        try (Database database = Database.open(DatabaseSettings.of(db.url()))) {
            assertThat(new JdbcOfficerLogins(database.dataSource()).passwordHash("lan"))
                    .hasValueSatisfying(
                            hash -> assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse battery"));
        }
    }

    @Test
    void refusesAShortPasswordAnUnlistedOfficerAndNoInput() {
        ChatDb db = new ChatDb(tmp);
        CliRun.run(db.env(), "officer", "add", "--id", "lan", "--name", "Lan");

        CliRun shortOne = CliRun.runWithInput(db.env(), "short\n", "officer", "passwd", "--id", "lan");
        CliRun nobody = CliRun.runWithInput(db.env(), "long enough password\n", "officer", "passwd", "--id", "minh");
        CliRun empty = CliRun.runWithInput(db.env(), "", "officer", "passwd", "--id", "lan");

        assertThat(shortOne.exit()).isEqualTo(1);
        assertThat(shortOne.err()).contains("at least 10 characters");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.err()).contains("no officer minh");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("no password on standard input");
    }
}
