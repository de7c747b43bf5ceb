package org.consularbot.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Update JSON as the Bot API delivers it, for tests that inject updates into the emulator or post them to the
 * webhook: one place that knows the shape of a private and a group message, and that Telegram marks a leading
 * command with a {@code bot_command} entity, so the end-to-end tests and the proofs do not each rebuild it. (Not
 * {@code TelegramUpdates}: that is the production mapping these updates are fed to.)
 */
public final class TelegramUpdateJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The send date of every message built here: fixed, so an update's JSON is the same run after run. */
    private static final long DATE = 1_790_000_000;

    private TelegramUpdateJson() {}

    /** A Telegram user named {@code Citizen<id>}. */
    public static ObjectNode user(long id) {
        return user(id, "Citizen" + id);
    }

    public static ObjectNode user(long id, String firstName) {
        return JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", firstName);
    }

    /** A message without text (add a sticker, a photo…) from the citizen in their private chat (chat id = user id). */
    public static ObjectNode privateMessage(long citizen) {
        return JSON.createObjectNode()
                .put("date", DATE)
                .<ObjectNode>set("from", user(citizen))
                .set("chat", JSON.createObjectNode().put("id", citizen).put("type", "private"));
    }

    /** The citizen writes {@code text} in their private chat; a command carries its entity. */
    public static ObjectNode privateMessage(long citizen, String text) {
        return withText(privateMessage(citizen), text);
    }

    /** {@code from} writes {@code text} in the supergroup {@code group}; a command carries its entity. */
    public static ObjectNode groupMessage(long group, String title, ObjectNode from, String text) {
        ObjectNode message = JSON.createObjectNode()
                .put("date", DATE)
                .<ObjectNode>set("from", from)
                .set(
                        "chat",
                        JSON.createObjectNode()
                                .put("id", group)
                                .put("type", "supergroup")
                                .put("title", title));
        return withText(message, text);
    }

    /** {@code message}, made a reply to the message {@code messageId} (with {@code text}) of the same chat. */
    public static ObjectNode replyingTo(ObjectNode message, long messageId, String text) {
        ObjectNode chat = (ObjectNode) message.get("chat");
        return message.set(
                "reply_to_message",
                JSON.createObjectNode()
                        .put("message_id", messageId)
                        .put("date", DATE)
                        .put("text", text)
                        .set(
                                "chat",
                                JSON.createObjectNode()
                                        .put("id", chat.get("id").asLong())
                                        .put("type", chat.get("type").asText())));
    }

    /** The update that delivers {@code message}, as the emulator's inject route takes it (it numbers updates). */
    public static ObjectNode update(ObjectNode message) {
        return JSON.createObjectNode().set("message", message);
    }

    /** The update {@code updateId} that delivers {@code message}, as a webhook receives it. */
    public static ObjectNode update(long updateId, ObjectNode message) {
        return JSON.createObjectNode().put("update_id", updateId).set("message", message);
    }

    /** Telegram marks a leading command ({@code /take 12}) with an entity spanning its first word. */
    private static ObjectNode withText(ObjectNode message, String text) {
        message.put("text", text);
        if (text.startsWith("/")) {
            int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            message.set(
                    "entities",
                    JSON.createArrayNode()
                            .add(JSON.createObjectNode()
                                    .put("type", "bot_command")
                                    .put("offset", 0)
                                    .put("length", command)));
        }
        return message;
    }
}
