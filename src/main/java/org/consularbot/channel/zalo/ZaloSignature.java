package org.consularbot.channel.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Zalo's webhook signature: header {@code X-ZEvent-Signature: mac=<hex>} where hex = SHA-256 of app id + raw body +
 * the body's {@code timestamp} + the OA secret key (a plain hash of the concatenation, not an HMAC), compared in
 * constant time.
 */
final class ZaloSignature {

    /** What {@link #mac} gives, in either case: anything else cannot be valid, whatever the body. */
    private static final Pattern WELL_FORMED = Pattern.compile("(?i)mac=[0-9a-f]{64}");

    private ZaloSignature() {}

    static String mac(String appId, String rawBody, String timestamp, String oaSecretKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((appId + rawBody + timestamp + oaSecretKey).getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Whether the header can be a signature at all: checked before the body is read. */
    static boolean wellFormed(String header) {
        return header != null && WELL_FORMED.matcher(header.strip()).matches();
    }

    static boolean valid(String header, String appId, String rawBody, String timestamp, String oaSecretKey) {
        if (header == null || timestamp == null) {
            return false;
        }
        byte[] expected = mac(appId, rawBody, timestamp, oaSecretKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(
                expected, header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
