package org.consularbot.conversation;

import java.nio.charset.StandardCharsets;

/**
 * A button under a reply. Pressing it comes back as an {@link InboundMessage} of kind
 * {@link ContentKind#BUTTON} whose text is {@code payload}. Payloads stay under Telegram's 64-byte limit.
 */
public record Button(String label, String payload) {

    public Button {
        if (payload.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("button payload over 64 bytes: " + payload);
        }
    }
}
