package org.consularbot.faq;

import java.util.Optional;

/**
 * Where trained reading models are kept between corpus loads. Training the reading on the corpus examples takes
 * seconds (about ten here); every start, reload, {@code faq validate} and restarted instance would pay it again for
 * the same examples. A model is found by a key that digests everything it was trained from (the training events,
 * the training settings and the library version), so a changed example, entry or setting simply misses and trains
 * anew: a cache can be slow to fill but never serve a model for other data.
 */
public interface ModelCache {

    /** Keeps nothing: every load trains. */
    ModelCache NONE = new ModelCache() {
        @Override
        public Optional<byte[]> find(String key) {
            return Optional.empty();
        }

        @Override
        public boolean keep(String key, byte[] model) {
            return false;
        }
    };

    /** The model stored under this key (64 lower-case hex digits), if any and intact. */
    Optional<byte[]> find(String key);

    /** Stores a model under this key; false when it could not (the caller keeps working with the trained model). */
    boolean keep(String key, byte[] model);

    /** The key itself, or an error when it is not 64 lower-case hex digits (it may become a file name). */
    static String checkKey(String key) {
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a model key is 64 lower-case hex digits: " + key);
        }
        return key;
    }
}
