package org.consularbot.faq;

import java.util.List;

/**
 * A message or question after {@link TextNormalizer}: words as written (lower case, NFC) and folded, with
 * abbreviations already rewritten and equivalents attached.
 */
public record NormalizedText(List<Token> tokens, boolean hadVietnameseMarks) {

    /**
     * One word: as written, folded, the equivalent phrases (folded) a query also searches for, and whether it
     * is a filler ("ạ", "cho em hỏi", "how do i") that matching skips but emergency detection still reads.
     */
    public record Token(String written, String folded, List<String> equivalentsFolded, boolean filler) {}

    /** The words that carry meaning for matching. */
    public List<Token> meaningful() {
        return tokens.stream().filter(t -> !t.filler()).toList();
    }

    public NormalizedText {
        tokens = List.copyOf(tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** Meaningful words as written. */
    public String written() {
        return String.join(" ", meaningful().stream().map(Token::written).toList());
    }

    /** Meaningful words, folded. */
    public String folded() {
        return String.join(" ", meaningful().stream().map(Token::folded).toList());
    }
}
