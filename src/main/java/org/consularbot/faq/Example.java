package org.consularbot.faq;

/**
 * A real message kept beside the corpus ({@code examples/*.tsv}) with what it was: an ordinary question, an
 * emergency of a situation, small talk or an out-of-scope request of a class. The bot learns from them to read
 * messages no phrase list foresaw, so a message officers saw misread becomes an example and the bot reads the
 * next one right.
 */
public record Example(Kind kind, String label, String text) {

    /**
     * What the message was. {@code label} is the situation (urgent), the class (chitchat, decline) or the topic of
     * a question (empty when it names none).
     */
    public enum Kind {
        QUESTION,
        URGENT,
        CHITCHAT,
        DECLINE
    }

    public Example {
        label = label == null ? "" : label;
    }
}
