package org.consularbot.web;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Officers' console passwords, hashed with Argon2id (Spring Security's encoder with its current defaults: salt per
 * password, 16 MiB, 2 passes), so a copy of the database does not give the passwords away. Only this class knows the
 * algorithm; the hash string carries its parameters, so stronger settings later still check old hashes.
 */
public final class ConsolePasswords {

    /** Shorter is refused by {@code officer passwd}: an embassy's desk is worth more than a PIN. */
    public static final int MIN_LENGTH = 10;

    private static final int MAX_LENGTH = 200;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    /** A hash compared against when the officer has none, so an unknown id takes as long to refuse as a known one. */
    private final String decoy;

    public ConsolePasswords() {
        this.decoy = encoder.encode("no password has been set for this officer");
    }

    /** Why the password cannot be used, or empty when it can. */
    public static java.util.Optional<String> weakness(String password) {
        if (password.length() < MIN_LENGTH) {
            return java.util.Optional.of("at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return java.util.Optional.of("at most " + MAX_LENGTH + " characters");
        }
        return java.util.Optional.empty();
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} is the one {@code hash} was made from; with no hash, spends the same time and says no. */
    boolean matches(String password, java.util.Optional<String> hash) {
        if (password.length() > MAX_LENGTH) {
            return false;
        }
        boolean match = encoder.matches(password, hash.orElse(decoy));
        return match && hash.isPresent();
    }
}
