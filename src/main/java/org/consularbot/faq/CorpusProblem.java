package org.consularbot.faq;

/** One mistake in the corpus files, said so that a non-programmer can find and fix it. */
public record CorpusProblem(SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
