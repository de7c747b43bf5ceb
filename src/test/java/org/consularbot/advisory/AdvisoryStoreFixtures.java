package org.consularbot.advisory;

import java.time.Instant;
import java.util.Optional;
import org.consularbot.faq.Language;

/** Consent records as the exchange leaves them, for tests outside this package. */
public final class AdvisoryStoreFixtures {

    private AdvisoryStoreFixtures() {}

    /** {@code who} completed the exchange at {@code at}: active consent for {@code country}, no region. */
    public static void subscribe(Subscriptions store, Subscriber who, String country, Instant at) {
        store.save(Subscription.starting(who, Language.VI, at).confirmed(country, Optional.empty(), Language.VI, at));
    }
}
