package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reading's models taken from a cache read every message exactly as freshly trained ones, and a cache never
 * serves a model trained on other examples. A slice of the real examples keeps each training short.
 */
class ReadingModelCacheTest {

    private static final List<String> MESSAGES = List.of(
            "chồng em đánh em suốt, tối nay em không dám về nhà",
            "ho chieu het han lam lai o dau",
            "my passport was stolen at the train station in Lyon",
            "cảm ơn anh chị nhiều ạ",
            "viết giúp em bài luận tiếng Anh",
            "con em 5 ngày không nghe máy, chủ nhà bảo nó không về");

    private static Corpus real;
    private static List<Example> slice;

    @BeforeAll
    static void slice() {
        real = TestCorpora.real();
        slice = new ArrayList<>();
        for (int i = 0; i < real.examples().size(); i += 6) {
            slice.add(real.examples().get(i));
        }
    }

    @Test
    void modelsFromTheCacheReadAsTheTrainedOnesAndAreNotStoredAgain() {
        CountingCache cache = new CountingCache();
        Corpus trained = real.withExamples(slice, cache);
        assertThat(cache.kept).as("the reading and the topics").hasSize(2);

        Corpus cached = real.withExamples(slice, cache);

        assertThat(cache.hits).isEqualTo(2);
        assertThat(cache.kept).hasSize(2);
        for (String message : MESSAGES) {
            NormalizedText text = new TextNormalizer(real.synonyms()).normalize(message);
            assertThat(cached.classifier().read(text, message))
                    .as(message)
                    .isEqualTo(trained.classifier().read(text, message));
        }
    }

    @Test
    void oneChangedExampleTrainsAnew() {
        CountingCache cache = new CountingCache();
        real.withExamples(slice, cache);
        List<Example> changed = new ArrayList<>(slice);
        Example first = changed.get(0);
        changed.set(0, new Example(first.kind(), first.label(), first.text() + " nữa"));

        real.withExamples(changed, cache);

        assertThat(cache.hits)
                .as("the topics model is trained on question examples; the reading on all of them")
                .isLessThan(2);
        assertThat(cache.kept).hasSizeGreaterThan(2);
    }

    @Test
    void bytesThatAreNotAModelAreTrainedOver() {
        ModelCache junk = new ModelCache() {
            @Override
            public Optional<byte[]> find(String key) {
                return Optional.of("not a model at all".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public boolean keep(String key, byte[] model) {
                return false;
            }
        };
        Corpus fromJunk = real.withExamples(slice, junk);
        Corpus trained = real.withExamples(slice, ModelCache.NONE);

        String message = MESSAGES.get(0);
        NormalizedText text = new TextNormalizer(real.synonyms()).normalize(message);
        assertThat(fromJunk.classifier().read(text, message))
                .isEqualTo(trained.classifier().read(text, message));
        assertThat(trained.classifier().read(text, message).urgent())
                .as("a reading, not nothing")
                .isPositive();
    }

    /** An in-memory cache that counts what it was asked. */
    private static final class CountingCache implements ModelCache {
        final Map<String, byte[]> kept = new ConcurrentHashMap<>();
        int hits;

        @Override
        public Optional<byte[]> find(String key) {
            Optional<byte[]> found = Optional.ofNullable(kept.get(key));
            hits += found.isPresent() ? 1 : 0;
            return found;
        }

        @Override
        public boolean keep(String key, byte[] model) {
            kept.put(key, model);
            return true;
        }
    }
}
