package org.consularbot.faq;

class InMemoryModelCacheTest extends ModelCacheContract {

    @Override
    protected ModelCache cache() {
        return new InMemoryModelCache();
    }
}
