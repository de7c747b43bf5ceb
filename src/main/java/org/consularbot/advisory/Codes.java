package org.consularbot.advisory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The advisory enums as stored and typed: the constant's name in lower case ("danger", "approved", "region"). */
final class Codes {

    private Codes() {}

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> of(e).equals(wanted))
                .findFirst();
    }
}
