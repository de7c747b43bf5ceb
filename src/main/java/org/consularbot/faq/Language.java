package org.consularbot.faq;

import java.util.Locale;
import java.util.Optional;

/** The two languages the corpus is written in; every answer exists in both. */
public enum Language {
    VI,
    EN;

    /** The lower-case code used in files and commands ({@code vi}, {@code en}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
