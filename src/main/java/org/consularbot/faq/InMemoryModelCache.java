package org.consularbot.faq;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models kept in this process only: cross-validation's folds (trained once however many matchers are measured,
 * and never in the service's cache) and tests.
 */
public final class InMemoryModelCache implements ModelCache {

    private final Map<String, byte[]> models = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> find(String key) {
        return Optional.ofNullable(models.get(ModelCache.checkKey(key))).map(byte[]::clone);
    }

    @Override
    public boolean keep(String key, byte[] model) {
        models.put(ModelCache.checkKey(key), model.clone());
        return true;
    }
}
