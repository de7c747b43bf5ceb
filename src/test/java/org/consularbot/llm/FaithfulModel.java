package org.consularbot.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in model for tests, records what it was sent. By default it behaves as a good model would: it answers
 * with the first sentence of passage [1] and cites it. {@link #replying} makes it say anything else, e.g. what an
 * attack asks for; the function gets the system and user messages.
 */
final class FaithfulModel implements ChatModel {

    private static final Pattern FIRST_PASSAGE = Pattern.compile("\\[1] [^\\n]*\\n([^\\n]+)");
    private static final Pattern CANARY = Pattern.compile("never to be written: (\\S+)");

    final List<ChatRequest> requests = new ArrayList<>();
    private BiFunction<String, String, String> reply = (system, user) -> firstSentenceOfPassageOne(user) + " [1]";

    FaithfulModel replying(BiFunction<String, String, String> reply) {
        this.reply = reply;
        return this;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        String system = "";
        String user = "";
        for (ChatMessage message : request.messages()) {
            if (message instanceof SystemMessage s) {
                system = s.text();
            } else if (message instanceof UserMessage u) {
                user = u.singleText();
            }
        }
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(reply.apply(system, user)))
                .build();
    }

    String lastUserMessage() {
        for (ChatMessage message : requests.get(requests.size() - 1).messages()) {
            if (message instanceof UserMessage u) {
                return u.singleText();
            }
        }
        return "";
    }

    String lastSystemMessage() {
        for (ChatMessage message : requests.get(requests.size() - 1).messages()) {
            if (message instanceof SystemMessage s) {
                return s.text();
            }
        }
        return "";
    }

    static String firstSentenceOfPassageOne(String user) {
        Matcher m = FIRST_PASSAGE.matcher(user);
        if (!m.find()) {
            return "NO_ANSWER";
        }
        String text = m.group(1);
        int end = text.indexOf(". ");
        return end > 0 ? text.substring(0, end + 1) : text;
    }

    static String canaryIn(String system) {
        Matcher m = CANARY.matcher(system);
        return m.find() ? m.group(1) : "";
    }
}
