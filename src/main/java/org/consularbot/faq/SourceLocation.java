package org.consularbot.faq;

/** Where something was written, so that errors point consular staff to the exact file and line. */
public record SourceLocation(String file, int line) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
