package io.winloss.portal.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A random secret handed out once (invitation links, API keys) and stored only as its SHA-256.
 * 256 random bits make a fast hash safe here: there is nothing to guess, unlike passwords.
 *
 * @param value the secret itself, shown to its owner once and never stored
 */
public record SecretToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token of 256 random bits, URL-safe, with an optional readable prefix such as {@code wl_}. */
    public static SecretToken generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SecretToken(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The stored form of this token. */
    public String hash() {
        return hashOf(value);
    }

    /** The stored form of a presented token, for lookup. */
    public static String hashOf(String presented) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SecretToken[***]";
    }
}
