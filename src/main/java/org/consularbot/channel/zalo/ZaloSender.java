package org.consularbot.channel.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.DeliveryException;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplySender;

/**
 * Sends replies as Zalo consultation messages ({@code /v3.0/oa/message/cs}), split at 2,000 characters, with "did
 * you mean" choices as numbered lines (the citizen types the number). Zalo allows replies only within a window
 * after the citizen's last message and only so many of them: outside it nothing is sent silently; the reply is
 * held (the outbox keeps it), the officers are told, and it goes when the citizen writes again.
 */
public final class ZaloSender implements ReplySender {

    /** What Zalo's reply window needs to know about a conversation. */
    public interface ReplyWindow {
        Optional<Instant> lastCitizenMessage(ConversationKey key);

        int repliesSentSince(ConversationKey key, Instant since);
    }

    static final int MAX_MESSAGE = 2000;
    /**
     * How long a held reply waits before the outbox looks at it again: it goes as soon as the citizen writes, so
     * the relay need not (and officers are told once, not every hour).
     */
    static final Duration HELD = Duration.ofDays(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI apiUrl;
    private final ZaloTokens tokens;
    private final HttpClient http;
    private final ReplyWindow window;
    private final int freeReplies;
    private final Duration windowLength;
    private final Clock clock;
    private final Consumer<String> tellOfficers;

    public ZaloSender(
            URI apiUrl,
            ZaloTokens tokens,
            HttpClient http,
            ReplyWindow window,
            int freeReplies,
            Duration windowLength,
            Clock clock,
            Consumer<String> tellOfficers) {
        this.apiUrl = apiUrl;
        this.tokens = tokens;
        this.http = http;
        this.window = window;
        this.freeReplies = freeReplies;
        this.windowLength = windowLength;
        this.clock = clock;
        this.tellOfficers = tellOfficers;
    }

    @Override
    public void send(OutboxEntry entry) throws DeliveryException {
        ConversationKey key = entry.conversation();
        Instant now = clock.instant();
        Optional<Instant> last = window.lastCitizenMessage(key);
        if (last.isEmpty() || last.get().plus(windowLength).isBefore(now)) {
            tellOfficers.accept("Zalo " + key.chatId()
                    + ": the reply window is closed; a reply is held until the citizen writes again");
            throw DeliveryException.held("Zalo reply window closed: held until the citizen writes again", HELD);
        }
        int used = window.repliesSentSince(key, last.get());
        if (used >= freeReplies) {
            tellOfficers.accept("Zalo " + key.chatId() + ": the " + freeReplies
                    + " replies allowed after the citizen's last message "
                    + "are used; a reply is held until the citizen writes again");
            throw DeliveryException.held(
                    "Zalo replies for this window used up: held until the citizen writes again", HELD);
        }
        if (used == freeReplies - 1) {
            tellOfficers.accept(
                    "Zalo " + key.chatId() + ": this is the last reply allowed until the citizen writes again");
        }
        for (String part : parts(entry.reply())) {
            post(key.chatId(), part, true);
        }
    }

    private void post(String userId, String text, boolean mayRefresh) throws DeliveryException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        body.putObject("message").put("text", text);
        JsonNode answer;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/v3.0/oa/message/cs"))
                    .timeout(Duration.ofSeconds(20))
                    .header("access_token", tokens.accessToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 500) {
                throw new DeliveryException("Zalo HTTP " + response.statusCode(), false, null);
            }
            answer = JSON.readTree(response.body());
        } catch (ZaloException e) {
            throw new DeliveryException(e.getMessage(), !e.retriable(), e);
        } catch (IOException e) {
            throw new DeliveryException("Zalo unreachable: " + e.getClass().getSimpleName(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", false, e);
        }
        int error = answer.path("error").asInt(-1);
        if (error == 0) {
            return;
        }
        String what = "Zalo error " + error + ": " + answer.path("message").asText("");
        if ((error == -216 || error == -124) && mayRefresh) {
            // The access token was refused: refresh once and try again.
            tokens.invalidate();
            post(userId, text, false);
            return;
        }
        // -213: the user has not followed the OA, or blocked it; -201: bad parameters. Retrying cannot help.
        boolean permanent = error == -213 || error == -201;
        throw new DeliveryException(what, permanent, null);
    }

    /** The text (choices as numbered lines), split at paragraph breaks under Zalo's 2,000-character limit. */
    static List<String> parts(Reply reply) {
        StringBuilder text = new StringBuilder(reply.text());
        for (Button choice : reply.choices()) {
            if (!reply.text().contains(choice.label())) {
                text.append('\n').append(choice.label());
            }
        }
        List<String> parts = new ArrayList<>();
        String rest = text.toString();
        while (rest.length() > MAX_MESSAGE) {
            int cut = rest.lastIndexOf("\n\n", MAX_MESSAGE);
            cut = cut > MAX_MESSAGE / 2 ? cut : rest.lastIndexOf(' ', MAX_MESSAGE);
            cut = cut > MAX_MESSAGE / 2 ? cut : MAX_MESSAGE;
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }
}
