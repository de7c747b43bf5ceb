package org.consularbot.faq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Adds a citizen's own wording as a new question of an FAQ entry, in the corpus folder the bot serves: supervisors
 * teach the bot from the questions it could not answer without editing YAML by hand. The entry's file is rewritten in
 * the corpus's layout ({@link EntryLayout}: only that entry's block changes, one line in a file in that layout), the
 * whole corpus is validated on a copy, and the file is replaced by an atomic move: the watcher that reloads the corpus
 * never reads half a file, and a refused edit leaves the folder as it was.
 */
public final class PhrasingEditor {

    /** The longest phrasing taken: a question, not a letter. */
    public static final int MAX_LENGTH = 300;

    /** What became of an addition. */
    public sealed interface Outcome permits Added, Refused {}

    /** Written to {@code file} (relative to the corpus folder); the watcher serves it at its next look. */
    public record Added(String entryId, Language language, String phrasing, String file) implements Outcome {}

    /** Not written: why, and the validation's problems (file:line) when it was the validation that refused. */
    public record Refused(String reason, List<CorpusProblem> problems) implements Outcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    private final Path dir;
    private final CorpusLoader loader;

    /** @param dir the corpus folder the bot serves ({@code FAQ_DIR}) */
    public PhrasingEditor(Path dir, CorpusLoader loader) {
        this.dir = dir;
        this.loader = loader;
    }

    /** Adds {@code phrasing} to the questions of {@code entryId} in {@code language}; one edit at a time. */
    public synchronized Outcome add(String entryId, Language language, String phrasing) throws IOException {
        String text = phrasing == null ? "" : phrasing.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return refused("the phrasing is empty");
        }
        if (text.length() > MAX_LENGTH) {
            return refused("the phrasing is longer than " + MAX_LENGTH + " characters");
        }
        CorpusLoader.Report now = loader.checkUntrained(dir);
        if (now.corpus().isEmpty()) {
            return new Refused(
                    "the corpus folder has problems already (someone's edit in progress?): fix them first",
                    now.problems());
        }
        Corpus corpus = now.corpus().get();
        Optional<FaqEntry> found = corpus.entry(entryId == null ? "" : entryId.strip());
        if (found.isEmpty()) {
            return refused("no FAQ entry has the id '" + entryId + "'");
        }
        FaqEntry entry = found.get();
        String key = Folding.fold(text).toLowerCase(Locale.ROOT);
        if (entry.questions(language).stream()
                .anyMatch(q -> Folding.fold(q).toLowerCase(Locale.ROOT).equals(key))) {
            return refused("'" + text + "' is already a phrasing of " + entry.id());
        }
        Path file = dir.resolve(entry.location().file());
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = withQuestion(before, corpus, entry, language, text);
        Path staging = Files.createTempDirectory("faq-phrasing");
        try {
            CorpusFolder.copy(dir, staging);
            Files.writeString(staging.resolve(entry.location().file()), after, StandardCharsets.UTF_8);
            CorpusLoader.Report checked = loader.checkUntrained(staging);
            if (checked.corpus().isEmpty()) {
                return new Refused("the corpus would not validate with it; nothing was written", checked.problems());
            }
            boolean present = checked.corpus()
                    .flatMap(c -> c.entry(entry.id()))
                    .map(e -> e.questions(language).contains(text))
                    .orElse(false);
            if (!present) {
                return refused("the entry's file could not be rewritten with the phrasing; nothing was written");
            }
        } finally {
            CorpusFolder.delete(staging);
        }
        return replace(file, before, after)
                ? new Added(entry.id(), language, text, entry.location().file())
                : refused(entry.location().file() + " changed while the phrasing was checked; nothing was written: "
                        + "try again");
    }

    /**
     * Writes {@code after} beside {@code file} under a name the loader never reads, then moves it over the file in one
     * step; false (and nothing written) if the file no longer holds {@code before}.
     */
    private static boolean replace(Path file, String before, String after) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, after, StandardCharsets.UTF_8);
            if (!Files.readString(file, StandardCharsets.UTF_8).equals(before)) {
                return false;
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically on this file system", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The file's text with the entry's block written again with one more question. The block runs from its
     * {@code - id:} line to the next entry of the file (blank and comment lines before that one stay), and keeps the
     * indentation the file uses.
     */
    static String withQuestion(String text, Corpus corpus, FaqEntry entry, Language language, String phrasing) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int start = entry.location().line() - 1;
        int end = corpus.entries().stream()
                .filter(e -> e.location().file().equals(entry.location().file()))
                .mapToInt(e -> e.location().line() - 1)
                .filter(line -> line > start)
                .min()
                .orElse(lines.size());
        while (end - 1 > start
                && (lines.get(end - 1).isBlank() || lines.get(end - 1).strip().startsWith("#"))) {
            end--;
        }
        EntryLayout.Block block = EntryLayout.Block.of(entry);
        List<String> vi = new ArrayList<>(block.questionsVi());
        List<String> en = new ArrayList<>(block.questionsEn());
        (language == Language.EN ? en : vi).add(phrasing);
        String written = EntryLayout.entry(new EntryLayout.Block(
                block.id(),
                block.topic(),
                vi,
                en,
                block.answerVi(),
                block.answerEn(),
                block.sources(),
                block.reviewed(),
                block.expires(),
                block.keywords()));
        String first = lines.get(start);
        int indent = first.indexOf('-');
        String shift = indent > 2 ? " ".repeat(indent - 2) : "";
        List<String> replaced = new ArrayList<>();
        for (String line : written.split("\n")) {
            String kept = indent >= 0 && indent < 2 && line.startsWith("  ") ? line.substring(2 - indent) : line;
            replaced.add(line.isEmpty() ? line : shift + kept);
        }
        List<String> out = new ArrayList<>(lines.subList(0, start));
        out.addAll(replaced);
        out.addAll(lines.subList(end, lines.size()));
        return String.join("\n", out);
    }

    private static Refused refused(String reason) {
        return new Refused(reason, List.of());
    }
}
