package org.consularbot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.StoreException;
import org.consularbot.handoff.OfficerInbox;

/**
 * Every citizen message the embedded H2 database is given, also appended to a plain file (and forced to disk)
 * before the channel is told it is stored, and given to the database again when the service starts. H2 does not
 * keep every commit it acknowledged when its process is killed: with {@code WRITE_DELAY=0} and a {@code CHECKPOINT}
 * after each message, 3 of 200 kill -9 runs of a standalone test lost the last 1 to 14 committed rows, and the
 * Telegram proof lost 1 message in 1,480. Telegram forgets an update once its offset is passed, so a message H2 drops
 * is gone for good unless it is written somewhere the operating system keeps.
 *
 * <p>Officers' actions from their group (a reply to a citizen, a take, a note) are kept the same way ({@link
 * #append(OfficerInbox.Action)}), for the same reason: the officers' inbox acknowledges them to Telegram once stored.
 *
 * <p>One file per hour, kept {@link #KEPT} (the loss seen is the last fraction of a second); the folder and files are
 * the service user's alone (message content). A conversation a citizen asks to forget is removed from the files, with
 * the officers' actions about its tickets, so a replay never brings back what was deleted. A line half-written at a
 * kill or on a full disk was never acknowledged and is skipped; the next entry starts on a line of its own.
 */
public final class ReceiptJournal {

    /** How long receipts are kept: far beyond what H2 was seen to lose, short for content kept twice. */
    static final Duration KEPT = Duration.ofHours(2);

    private static final String PREFIX = "receipts-";
    private static final String SUFFIX = ".jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final Clock clock;
    private FileChannel open;
    private long openHour = -1;
    /** The file being written ends in the middle of a line: the next entry starts on a line of its own. */
    private boolean midLine;

    public ReceiptJournal(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * The journal beside an H2 file database ({@code jdbc:h2:file:./data/x} keeps it in {@code ./data/x.receipts}),
     * none for PostgreSQL (durable at commit), an in-memory or a server H2.
     */
    public static Optional<ReceiptJournal> besideDatabase(String jdbcUrl, Clock clock) {
        return DatabaseSettings.h2File(jdbcUrl).map(file -> new ReceiptJournal(Path.of(file + ".receipts"), clock));
    }

    /**
     * Writes the message and forces it to disk.
     *
     * @throws StoreException when it cannot: the channel must not acknowledge the message then
     */
    public synchronized void append(InboundMessage message) {
        ObjectNode line = JSON.createObjectNode()
                .put("channel", message.conversation().channel())
                .put("chat", message.conversation().chatId())
                .put("user", message.userId())
                .put("id", message.channelMessageId())
                .put("kind", message.kind().code())
                .put("text", message.text())
                .put("at", message.receivedAt().toString());
        write(line);
    }

    /**
     * Writes an officer's action and forces it to disk, before the officers' inbox stores it.
     *
     * @throws StoreException when it cannot: the channel must not acknowledge the action then
     */
    public synchronized void append(OfficerInbox.Action action) {
        ObjectNode line = JSON.createObjectNode()
                .put("officer", action.sourceId())
                .put("payload", action.payload())
                .put("at", action.receivedAt().toString());
        action.ticket().ifPresent(ticket -> line.put("ticket", ticket));
        write(line);
    }

    /**
     * Runs {@code work} holding the journal: nothing is appended or forgotten meanwhile. A replay while the service runs
     * needs it: a conversation forgotten between its reading the journal and storing what it read would come back.
     */
    public synchronized <T> T held(Supplier<T> work) {
        return work.get();
    }

    /** Removes a conversation from every file, as {@link #forget(ConversationKey, Set)} with no tickets. */
    public void forget(ConversationKey key) {
        forget(key, Set.of());
    }

    /**
     * Removes a conversation deleted at the citizen's request from every file, with the officers' actions about
     * {@code tickets} (its tickets: their text may quote the citizen): its lines held their words for up to
     * {@link #KEPT}, and a replay must not bring them back. Each file that held some is written anew beside itself,
     * forced to disk and moved over the old one in one step, so a kill leaves the old file or the new one, never half;
     * lines cut short by an earlier kill go too (they were never acknowledged, and may be this citizen's).
     *
     * @throws StoreException when it cannot: the withdrawal must not be acknowledged then
     */
    public synchronized void forget(ConversationKey key, Set<Long> tickets) {
        close(); // the file being written may be replaced; the next message opens the new one
        try {
            for (Path file : files()) {
                rewriteWithout(file, key, tickets);
            }
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true); // the renames too
            }
        } catch (IOException e) {
            throw new StoreException("cannot rewrite the receipt journal in " + folder + ": " + e.getMessage(), e);
        }
    }

    private void rewriteWithout(Path file, ConversationKey key, Set<Long> tickets) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = lines.stream()
                .filter(line -> read(line)
                        .filter(entry -> entry.action() == null
                                ? !entry.key().equals(key)
                                : entry.action()
                                        .ticket()
                                        .filter(tickets::contains)
                                        .isEmpty())
                        .isPresent())
                .toList();
        if (kept.size() == lines.size()) {
            return;
        }
        Path fresh = folder.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(kept.stream()
                    .map(line -> line + "\n")
                    .collect(Collectors.joining())
                    .getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The messages kept, oldest first. A journal written before {@link #forget} rewrote its files has "forget" lines
     * instead: the conversation's earlier messages are left out.
     */
    public synchronized List<InboundMessage> messages() {
        Map<ConversationKey, List<InboundMessage>> byConversation = new LinkedHashMap<>();
        for (Entry entry : entries()) {
            if (entry.action() != null) {
                continue;
            }
            if (entry.message() == null) {
                byConversation.remove(entry.key());
            } else {
                byConversation
                        .computeIfAbsent(entry.key(), k -> new ArrayList<>())
                        .add(entry.message());
            }
        }
        List<InboundMessage> all = new ArrayList<>();
        byConversation.values().forEach(all::addAll);
        all.sort(Comparator.comparing(InboundMessage::receivedAt));
        return all;
    }

    /** The officers' actions kept, in the order they were written (a redelivered one may appear twice). */
    public synchronized List<OfficerInbox.Action> actions() {
        return entries().stream()
                .map(Entry::action)
                .filter(action -> action != null)
                .toList();
    }

    /** Every readable line of the files kept, oldest file first. */
    private List<Entry> entries() {
        try {
            prune(clock.instant().getEpochSecond() / 3600);
        } catch (IOException e) {
            throw new StoreException("cannot prune the receipt journal in " + folder + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files()) {
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8)
                        .forEach(line -> read(line).ifPresent(entries::add));
            } catch (IOException e) {
                throw new StoreException("cannot read the receipt journal " + file + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** A line: a citizen's message, an old "forget" line (no message), or an officer's action (no conversation). */
    private record Entry(ConversationKey key, InboundMessage message, OfficerInbox.Action action) {}

    private static Optional<Entry> read(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node.hasNonNull("officer")) {
                return Optional.of(new Entry(
                        null,
                        null,
                        new OfficerInbox.Action(
                                node.get("officer").asText(),
                                node.hasNonNull("ticket")
                                        ? Optional.of(node.get("ticket").asLong())
                                        : Optional.empty(),
                                node.get("payload").asText(),
                                Instant.parse(node.path("at").asText()))));
            }
            ConversationKey key = new ConversationKey(
                    node.path("channel").asText(), node.path("chat").asText());
            if (node.path("forget").asBoolean(false)) {
                return Optional.of(new Entry(key, null, null));
            }
            return Optional.of(new Entry(
                    key,
                    new InboundMessage(
                            key,
                            node.path("user").asText(null),
                            node.path("id").asText(),
                            ContentKind.fromCode(node.path("kind").asText()),
                            node.path("text").asText(""),
                            Instant.parse(node.path("at").asText())),
                    null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // cut short by a kill while it was written: never acknowledged
        }
    }

    private void write(ObjectNode entry) {
        try {
            FileChannel channel = channelForNow();
            String line = (midLine ? "\n" : "") + JSON.writeValueAsString(entry) + "\n";
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            midLine = false;
        } catch (IOException e) {
            // A full disk takes part of a line and refuses the rest. Written right after it, the next entry (this one
            // again, redelivered) made one unreadable line with it: acknowledged, and lost to a replay (FullDiskIT).
            // Opened again, the file is checked for a line left open.
            close();
            throw new StoreException("cannot write the receipt journal in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code file} ends in the middle of a line: cut short by a kill, or by a disk that refused the rest. */
    private static boolean endsMidLine(Path file) throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = reader.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private FileChannel channelForNow() throws IOException {
        long hour = clock.instant().getEpochSecond() / 3600;
        if (open != null && hour == openHour) {
            return open;
        }
        if (open != null) {
            open.close();
        }
        Files.createDirectories(
                folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = folder.resolve(PREFIX + hour + SUFFIX);
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        midLine = endsMidLine(file);
        open = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        openHour = hour;
        prune(hour);
        return open;
    }

    /** Deletes the hourly files older than {@link #KEPT}. */
    private void prune(long currentHour) throws IOException {
        long oldestKept = currentHour - KEPT.toHours();
        for (Path file : files()) {
            if (hourOf(file) < oldestKept) {
                Files.deleteIfExists(file);
            }
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(f -> hourOf(f) >= 0)
                    .sorted(Comparator.comparingLong(ReceiptJournal::hourOf))
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list the receipt journal in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static long hourOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Closes the file being written. */
    public synchronized void close() {
        try {
            if (open != null) {
                open.close();
            }
        } catch (IOException e) {
            // Nothing is lost: every receipt was forced to disk when written.
        } finally {
            open = null;
            openHour = -1;
        }
    }
}
