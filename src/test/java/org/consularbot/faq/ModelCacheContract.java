package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every {@link ModelCache} that keeps models does; run against each implementation. */
public abstract class ModelCacheContract {

    protected static final String KEY = "a".repeat(64);
    protected static final String OTHER_KEY = "0123456789abcdef".repeat(4);

    /** A new, empty cache. */
    protected abstract ModelCache cache() throws Exception;

    @Test
    void anUnknownKeyIsAMiss() throws Exception {
        assertThat(cache().find(KEY)).isEmpty();
    }

    @Test
    void aKeptModelIsFoundByItsKeyOnly() throws Exception {
        ModelCache cache = cache();
        byte[] model = "model bytes \u0000\u00ff".getBytes(StandardCharsets.UTF_8);

        assertThat(cache.keep(KEY, model)).isTrue();

        assertThat(cache.find(KEY))
                .hasValueSatisfying(found -> assertThat(found).isEqualTo(model));
        assertThat(cache.find(OTHER_KEY)).isEmpty();
    }

    @Test
    void keepingAgainReplaces() throws Exception {
        ModelCache cache = cache();
        cache.keep(KEY, new byte[] {1, 2, 3});
        cache.keep(KEY, new byte[] {4, 5});

        assertThat(cache.find(KEY))
                .hasValueSatisfying(found -> assertThat(found).containsExactly(4, 5));
    }

    @Test
    void changingTheBytesHandedInOrOutChangesNothingKept() throws Exception {
        ModelCache cache = cache();
        byte[] model = {7, 7, 7};
        cache.keep(KEY, model);
        model[0] = 0;
        cache.find(KEY).orElseThrow()[1] = 0;

        assertThat(cache.find(KEY))
                .hasValueSatisfying(found -> assertThat(found).containsExactly(7, 7, 7));
    }

    @Test
    void aKeyThatIsNotADigestIsRefused() throws Exception {
        ModelCache cache = cache();
        for (String bad : new String[] {"../../etc/passwd", "A".repeat(64), "a".repeat(63), "", "a".repeat(63) + "/"}) {
            assertThatThrownBy(() -> cache.find(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cache.keep(bad, new byte[] {1}))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
