package org.consularbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.consularbot.config.Settings;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.CorpusLoader;
import org.consularbot.faq.CorpusProblem;
import org.consularbot.faq.InvalidCorpusException;

/** Where commands take the corpus from: an explicit folder, else {@code FAQ_DIR}, else the bundled one. */
public final class CorpusSource {

    public static final String FAQ_DIR = "FAQ_DIR";

    private final Settings settings;
    private final Clock clock;

    public CorpusSource(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Path> directory(Path explicit) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return settings.get(FAQ_DIR).map(Path::of);
    }

    /** Loads and validates; on problems prints each (file:line) and throws. */
    public Corpus load(Path explicit, PrintWriter err) throws InvalidCorpusException {
        CorpusLoader loader = new CorpusLoader(clock);
        try {
            Optional<Path> dir = directory(explicit);
            return dir.isPresent() ? loader.load(dir.get()) : loader.loadBundled();
        } catch (InvalidCorpusException e) {
            for (CorpusProblem problem : e.problems()) {
                err.println("error: " + problem);
            }
            err.flush();
            throw e;
        }
    }
}
