package org.consularbot.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.consularbot.conversation.Conversation;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.Feedback;
import org.consularbot.faq.TestCorpora;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.JdbcConversationStore;

/**
 * The database the command-line tests point {@code DB_URL} at: an H2 file inside the test's temporary folder
 * (never {@code ./data/}), and a way to look inside it after a run.
 */
final class ChatDb {

    private final Path dir;

    ChatDb(Path dir) {
        this.dir = dir;
    }

    String url() {
        return "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath();
    }

    /** Whether a run created the database file (it must not when start-up stops on a bad setting). */
    boolean exists() {
        return dir.resolve("bot.mv.db").toFile().exists();
    }

    /** DB_URL into the temporary folder, the corpus of {@code faq/}, and {@code more} as key, value, key, value... */
    Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", url());
        env.put("FAQ_DIR", TestCorpora.FAQ.toString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    static ConversationKey console(String citizen) {
        return new ConversationKey("console", citizen);
    }

    /** Opens the database between runs (the runs close it) and reads it through the store. */
    <T> T read(Function<JdbcConversationStore, T> work) {
        try (Database database = Database.open(DatabaseSettings.of(url()))) {
            return work.apply(new JdbcConversationStore(database.dataSource(), TestCorpora.CLOCK));
        }
    }

    Optional<Conversation> conversation(String citizen) {
        return read(store -> store.find(console(citizen)));
    }

    List<Feedback> feedback(String entryId) {
        return read(store -> store.feedback(entryId));
    }

    long conversations() {
        return read(store -> store.conversationCount());
    }

    Map<String, Long> keptCounts() {
        return read(store -> store.keptCounts());
    }

    /** Row count of a table. */
    long rows(String table) {
        try (Database database = Database.open(DatabaseSettings.of(url()));
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
