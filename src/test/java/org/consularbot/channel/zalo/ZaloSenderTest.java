package org.consularbot.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.DeliveryException;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reply window and quota, and Zalo's answers, against the stub OA API on port 0. */
class ZaloSenderTest {

    private static final ConversationKey CITIZEN = new ConversationKey("zalo", "6142");
    private final StubZaloServer zalo = newStub();
    private final List<String> told = new ArrayList<>();
    private final AtomicInteger used = new AtomicInteger();
    private Instant lastMessage = Instant.now();
    private final InMemoryZaloVault vault = new InMemoryZaloVault();
    private final ZaloTokens tokens = new ZaloTokens(
            URI.create(zalo.url()),
            "1",
            "s",
            Optional.of("r1"),
            vault,
            HttpClient.newHttpClient(),
            Clock.systemUTC(),
            told::add);
    private final ZaloSender sender = new ZaloSender(
            URI.create(zalo.url()),
            tokens,
            HttpClient.newHttpClient(),
            new ZaloSender.ReplyWindow() {
                @Override
                public Optional<Instant> lastCitizenMessage(ConversationKey key) {
                    return Optional.of(lastMessage);
                }

                @Override
                public int repliesSentSince(ConversationKey key, Instant since) {
                    return used.get();
                }
            },
            8,
            Duration.ofHours(48),
            Clock.systemUTC(),
            told::add);

    @AfterEach
    void stop() {
        zalo.close();
    }

    @Test
    void theEighthReplyGoesWithAWarningAndTheNinthIsHeld() throws Exception {
        used.set(7);
        sender.send(entry(Reply.text(ReplyKind.HELP, "một")));
        assertThat(zalo.textsTo("6142")).containsExactly("một");
        assertThat(told).anySatisfy(t -> assertThat(t).contains("last reply allowed"));

        used.set(8);
        DeliveryException held = catchThrowableOfType(
                DeliveryException.class, () -> sender.send(entry(Reply.text(ReplyKind.HELP, "hai"))));
        assertThat(held.permanent()).isFalse();
        assertThat(held.held()).as("held, not failed: no attempt is used up").isTrue();
        assertThat(held.retryAfter()).contains(ZaloSender.HELD);
        assertThat(zalo.textsTo("6142")).hasSize(1);
        assertThat(told).anySatisfy(t -> assertThat(t).contains("used"));
    }

    @Test
    void afterTheWindowNothingIsSent() {
        lastMessage = Instant.now().minus(Duration.ofHours(49));

        assertThat(catchThrowableOfType(
                        DeliveryException.class, () -> sender.send(entry(Reply.text(ReplyKind.HELP, "x")))))
                .isNotNull();
        assertThat(zalo.sent).isEmpty();
    }

    @Test
    void choicesBecomeNumberedLinesAndLongTextIsSplitUnderTwoThousand() throws Exception {
        Reply suggestion = new Reply(
                ReplyKind.SUGGESTION,
                "Có phải bạn muốn hỏi:",
                List.of(new Button("1. Làm lại hộ chiếu", "faq:a")),
                List.of(),
                Optional.empty());
        sender.send(entry(suggestion));
        assertThat(zalo.textsTo("6142").get(0)).isEqualTo("Có phải bạn muốn hỏi:\n1. Làm lại hộ chiếu");

        String paragraph = "Đoạn văn dài. ".repeat(100).strip();
        assertThat(ZaloSender.parts(Reply.text(ReplyKind.ANSWER, paragraph + "\n\n" + paragraph)))
                .hasSize(2)
                .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(ZaloSender.MAX_MESSAGE));
    }

    @Test
    void aRefreshTokenZaloRotatedIsKeptEvenWhenStoringItFailsAndTheOfficersAreTold() throws Exception {
        List<String> alerts = new ArrayList<>();
        InMemoryZaloVault failingOnce = new InMemoryZaloVault();
        failingOnce.failNextStores(1);
        ZaloTokens fragile = new ZaloTokens(
                URI.create(zalo.url()),
                "1",
                "s",
                Optional.of("r1"),
                failingOnce,
                HttpClient.newHttpClient(),
                Clock.systemUTC(),
                alerts::add);

        assertThat(catchThrowableOfType(ZaloException.class, fragile::accessToken)
                        .getMessage())
                .contains("could not be stored");
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a).contains("restart would disconnect"));

        assertThat(fragile.accessToken()).as("no second refresh: r1 is spent").isEqualTo("access-2");
        assertThat(zalo.refreshes).hasSize(1);
        assertThat(failingOnce.load().map(ZaloTokens.Pair::refreshToken))
                .as("stored before use")
                .contains("r2");
    }

    private static OutboxEntry entry(Reply reply) {
        return new OutboxEntry(1, 1, CITIZEN, reply, Instant.EPOCH, 0);
    }

    private static StubZaloServer newStub() {
        try {
            return new StubZaloServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
