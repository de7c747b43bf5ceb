package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.consularbot.conversation.StoreException;
import org.junit.jupiter.api.Test;

class TelegramWebhookTest {

    private static final String SECRET = "s3cret-token-0123456789";
    private static final String UPDATE =
            "{\"update_id\": 5, \"message\": {\"message_id\": 1, \"date\": 1790000000, \"text\": \"hi\","
                    + " \"from\": {\"id\": 42, \"is_bot\": false, \"first_name\": \"An\"}, \"chat\": {\"id\": 42, \"type\": \"private\"}}}";

    private final TelegramIngress ingress = mock(TelegramIngress.class);
    private final TelegramWebhook webhook = new TelegramWebhook(SECRET, ingress, Clock.systemUTC());

    @Test
    void aWrongSecretIsRefusedBeforeTheBodyIsRead() {
        AtomicBoolean read = new AtomicBoolean();
        Supplier<byte[]> body = () -> {
            read.set(true);
            return UPDATE.getBytes(StandardCharsets.UTF_8);
        };

        assertThat(webhook.receive("s3cret-token-0123456788", body)).isEqualTo(401);
        assertThat(webhook.receive(SECRET + "x", body)).isEqualTo(401);
        assertThat(webhook.receive("", body)).isEqualTo(401);
        assertThat(webhook.receive(null, body)).isEqualTo(401);
        assertThat(read).isFalse();
        verify(ingress, never()).receive(any());
    }

    @Test
    void aStoredUpdateIs200AndAnUnstoredOne503SoTelegramSendsItAgain() {
        assertThat(webhook.receive(SECRET, () -> UPDATE.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(200);

        doThrow(new StoreException("database down", new SQLException()))
                .when(ingress)
                .receive(any());
        assertThat(webhook.receive(SECRET, () -> UPDATE.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(503);
    }

    @Test
    void garbageIs400() {
        assertThat(webhook.receive(SECRET, () -> new byte[0])).isEqualTo(400);
        assertThat(webhook.receive(SECRET, () -> "{\"update_id\": \"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(400);
        assertThat(webhook.receive(SECRET, () -> new byte[] {(byte) 0xff, (byte) 0xfe}))
                .isEqualTo(400);
    }
}
