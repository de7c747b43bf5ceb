package org.consularbot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.CorpusLoader;
import org.consularbot.faq.CorpusProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up staff's edits of {@code FAQ_DIR} without a restart: when any file's size or time changes, the corpus is
 * loaded and validated again; a valid one replaces the one serving, an invalid one is refused with every problem
 * logged (file:line) and the old corpus goes on serving. Each instance watches for itself.
 */
final class CorpusWatcher {

    private static final Logger log = LoggerFactory.getLogger(CorpusWatcher.class);

    private final Path dir;
    private final CorpusLoader loader;
    private final Consumer<Corpus> replace;
    private String seen;

    CorpusWatcher(Path dir, CorpusLoader loader, Consumer<Corpus> replace) {
        this.dir = dir;
        this.loader = loader;
        this.replace = replace;
        this.seen = fingerprint();
    }

    /** Looks once; returns the problems of a refused edit (empty when nothing changed or the edit was taken). */
    synchronized List<CorpusProblem> check() {
        String now = fingerprint();
        if (now.equals(seen)) {
            return List.of();
        }
        seen = now;
        CorpusLoader.Report report = loader.check(dir);
        if (report.corpus().isEmpty()) {
            report.problems()
                    .forEach(
                            problem -> log.warn("corpus edit refused, the previous corpus keeps serving: {}", problem));
            return report.problems();
        }
        replace.accept(report.corpus().get());
        log.info(
                "corpus reloaded from {}: {} entries, {} bulletins",
                dir,
                report.corpus().get().entries().size(),
                report.corpus().get().docs().size());
        return List.of();
    }

    private String fingerprint() {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                out.append(dir.relativize(file))
                        .append(':')
                        .append(attributes.size())
                        .append(':')
                        .append(attributes.lastModifiedTime().toMillis())
                        .append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return out.toString();
    }
}
