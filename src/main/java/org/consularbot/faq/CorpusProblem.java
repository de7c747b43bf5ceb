package org.consularbot.faq;

/**
 * One mistake in the corpus files, said so that a non-programmer can find and fix it.
 *
 * @param kind what sort of mistake: an entry past its {@code expires} date is one (the bot will not serve it), but
 *             {@code faq review} lists it as work due rather than as a broken file
 */
public record CorpusProblem(SourceLocation location, String message, Kind kind) {

    /** What sort of mistake. */
    public enum Kind {
        /** The files are wrong: fix them. */
        INVALID,
        /** An answer is past the date by which it had to be looked at again. */
        EXPIRED
    }

    public CorpusProblem(SourceLocation location, String message) {
        this(location, message, Kind.INVALID);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
