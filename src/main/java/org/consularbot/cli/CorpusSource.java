package org.consularbot.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.consularbot.config.InvalidSettingException;
import org.consularbot.config.Settings;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.CorpusLoader;
import org.consularbot.faq.CorpusProblem;
import org.consularbot.faq.InvalidCorpusException;
import org.consularbot.faq.ModelCache;
import org.consularbot.store.ModelCacheDirectory;

/** Where commands take the corpus from: an explicit folder, else {@code FAQ_DIR}, else the bundled one. */
public final class CorpusSource {

    public static final String FAQ_DIR = "FAQ_DIR";
    /** Where trained reading models are kept ({@link ModelCacheDirectory}); {@code off} trains at every load. */
    public static final String MODEL_CACHE_DIR = "MODEL_CACHE_DIR";

    static final String DEFAULT_MODEL_CACHE = "./data/models";
    /** Models kept: the current corpus's two, and a few stale pairs from recent edits or cross-validation folds. */
    private static final int MODELS_KEPT = 16;

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

    /** The loader every command uses: the reading's models from the model cache when they match. */
    public CorpusLoader loader() {
        return new CorpusLoader(clock, models());
    }

    public ModelCache models() {
        String folder =
                settings.get(MODEL_CACHE_DIR).orElse(DEFAULT_MODEL_CACHE).strip();
        // Last use is stamped in wall-clock time, whatever clock the command runs on: other instances share the folder.
        if (folder.equalsIgnoreCase("off")) {
            return ModelCache.NONE;
        }
        try {
            return new ModelCacheDirectory(Path.of(folder), MODELS_KEPT, Clock.systemUTC());
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(
                    MODEL_CACHE_DIR, "must be a folder path or off, not '" + folder + "' (" + e.getReason() + ")");
        }
    }

    /** Loads and validates; on problems prints each (file:line) and throws. */
    public Corpus load(Path explicit, PrintWriter err) throws InvalidCorpusException {
        CorpusLoader loader = loader();
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
