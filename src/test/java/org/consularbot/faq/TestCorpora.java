package org.consularbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.consularbot.store.ModelCacheDirectory;

/** Shared test fixtures: the fixed clock, the real corpus (loaded once), and small corpus folders. */
public final class TestCorpora {

    /** 2026-11-24, the day the real corpus was last reviewed. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    public static final Path FAQ = Path.of("faq");

    public static final String HOTLINE = "+84 981 84 84 84";

    /** A minimal mission with the facts the fixtures' answers use. */
    public static final String MISSION = """
            mission:
              id: test-mission
              name:
                vi: Đại sứ quán thử nghiệm
                en: Test Embassy
              timezone: UTC
            facts:
              hotline: "+84 981 84 84 84"
              mission_name:
                vi: Đại sứ quán thử nghiệm
                en: Test Embassy
              mission_website: https://example.org/
            """;

    /**
     * Where tests keep trained reading models, under {@code target/}: the real corpus's models are trained once per
     * build, not at each of the dozens of loads (bots started, CLI runs, copies of the corpus).
     */
    public static final String MODEL_CACHE = "target/model-cache";

    private static Corpus real;

    private TestCorpora() {}

    /** The real corpus under {@code faq/}, loaded once per JVM. */
    public static synchronized Corpus real() {
        if (real == null) {
            try {
                real = loader(CLOCK).load(FAQ);
            } catch (InvalidCorpusException e) {
                throw new AssertionError("the real corpus must be valid: " + e.getMessage(), e);
            }
        }
        return real;
    }

    /** A loader sharing the tests' model cache. */
    public static CorpusLoader loader(Clock clock) {
        return new CorpusLoader(clock, new ModelCacheDirectory(Path.of(MODEL_CACHE), 64, Clock.systemUTC()));
    }

    /** {@code environment} for a bot or command, with the tests' model cache unless it names one. */
    public static Map<String, String> withModelCache(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.putIfAbsent("MODEL_CACHE_DIR", MODEL_CACHE);
        return all;
    }

    /** A corpus folder under {@code root} with the real topics.tsv, the minimal mission and an empty entries/. */
    public static Path skeleton(Path root) {
        try {
            Files.createDirectories(root.resolve("entries"));
            Files.copy(FAQ.resolve("topics.tsv"), root.resolve("topics.tsv"));
            Files.writeString(root.resolve("mission.yaml"), MISSION, StandardCharsets.UTF_8);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A skeleton with one topic file {@code entries/<name>} holding {@code yaml}. */
    public static Path withEntries(Path root, String name, String yaml) {
        skeleton(root);
        write(root.resolve("entries").resolve(name), yaml);
        return root;
    }

    /** A full copy of the real corpus folder's support files (topics, mission, synonyms, urgent) with empty entries/. */
    public static Path copyWithoutEntries(Path root) {
        try {
            Files.createDirectories(root.resolve("entries"));
            for (String file : new String[] {
                "topics.tsv", "mission.yaml", "synonyms.txt", "urgent.yaml", "smalltalk.yaml", "sources.yaml"
            }) {
                Files.copy(FAQ.resolve(file), root.resolve(file));
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full copy of the real corpus folder, entries included. */
    public static Path copyOfReal(Path root) {
        copyWithoutEntries(root);
        try (var files = Files.list(FAQ.resolve("entries"))) {
            for (Path file : files.toList()) {
                Files.copy(
                        file, root.resolve("entries").resolve(file.getFileName().toString()));
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real corpus with its bulletins but without the entries on visas for foreigners: a question about official
     * portals then has no FAQ answer, and the fallback answers it from the bulletins.
     */
    public static Path withoutVisaEntries(Path root) {
        copyOfReal(root);
        try (var docs = Files.list(FAQ.resolve("docs"))) {
            Files.createDirectories(root.resolve("docs"));
            for (Path doc : docs.toList()) {
                Files.copy(doc, root.resolve("docs").resolve(doc.getFileName().toString()));
            }
            Files.delete(root.resolve("entries/visa.foreigner.yaml"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file (relative to the folder) that holds the entry {@code id} of the corpus folder {@code faq}. */
    public static String entryFile(Path faq, String id) {
        return entry(faq, id).location().file();
    }

    /** The entry {@code id} as the corpus folder {@code faq} has it now (validated, not trained). */
    public static FaqEntry entry(Path faq, String id) {
        return loader(CLOCK)
                .checkUntrained(faq)
                .corpus()
                .orElseThrow(() -> new AssertionError(faq + " must be valid"))
                .entry(id)
                .orElseThrow(() -> new AssertionError("no entry " + id + " in " + faq));
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
