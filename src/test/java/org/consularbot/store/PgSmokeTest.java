package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.consularbot.conversation.*;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.Test;

class PgSmokeTest {
    @Test
    void both() {
        for (Database db : new Database[] {TestDatabases.h2(), TestDatabases.postgres()}) {
            try (db) {
                JdbcConversationStore store = new JdbcConversationStore(db.dataSource(), TestCorpora.CLOCK);
                InboundMessage m = InboundMessage.text(new ConversationKey("t", "1"), "u", "m1", "xin chao\0 \uD800 😀", TestCorpora.CLOCK.instant());
                StoredInbound s = store.recordInbound(m);
                StoredInbound d = store.recordInbound(m);
                assertThat(d.duplicate()).isTrue();
                assertThat(d.id()).isEqualTo(s.id());
                assertThat(store.unanswered(10)).hasSize(1);
                System.out.println(db.url() + " " + store.unanswered(10).get(0).message().text());
            }
        }
    }
}
