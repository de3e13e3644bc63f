package io.winloss.portal.crm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code X-Signature: sha256=<hex>} of a CRM event: the HMAC-SHA256 of the raw body, keyed with the UTF-8
 * bytes of a workspace webhook secret. With an {@code X-Timestamp} (Unix seconds) the signed message is
 * {@code timestamp + "." + body} instead, and a timestamp more than {@link #TIMESTAMP_TOLERANCE} away from now is
 * refused, so a captured event dies within minutes. Every secret is compared, each in constant time
 * ({@link MessageDigest#isEqual}), so the answer's timing says nothing about how much of a forgery was right.
 */
final class EventSignature {

    static final String HEADER = "X-Signature";
    static final String TIMESTAMP_HEADER = "X-Timestamp";
    static final String PREFIX = "sha256=";
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    /** What the check found: a valid signature, made with {@code secrets.get(secretIndex)}, or why not. */
    sealed interface Check permits Valid, Invalid {
    }

    /** @param mac the verified HMAC, which names this event for replay detection */
    record Valid(byte[] mac, int secretIndex) implements Check {
    }

    /** @param reason for the log and the admin's event list; never shown to the caller */
    record Invalid(String reason) implements Check {
    }

    private EventSignature() {
    }

    /** Checks the headers against each secret (current first, then the previous one during its grace). */
    static Check check(List<String> secrets, String signature, String timestamp, byte[] body, Instant now) {
        if (signature == null || signature.isBlank()) {
            return new Invalid("signature missing");
        }
        String presented = signature.strip();
        if (!presented.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return new Invalid("signature malformed (expected sha256=<hex>)");
        }
        byte[] presentedMac;
        try {
            presentedMac = HexFormat.of().parseHex(presented.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Invalid("signature malformed (not hexadecimal)");
        }
        Long seconds = null;
        if (timestamp != null) {
            String digits = timestamp.strip();
            if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
                return new Invalid("timestamp malformed (expected Unix seconds)");
            }
            seconds = Long.parseLong(digits);
        }
        int matched = -1;
        byte[] matchedMac = null;
        for (int i = 0; i < secrets.size(); i++) {
            byte[] expected = mac(secrets.get(i), seconds == null ? null : timestamp.strip(), body);
            if (MessageDigest.isEqual(expected, presentedMac) && matched < 0) {
                matched = i;
                matchedMac = expected;
            }
        }
        if (matched < 0) {
            return new Invalid("signature does not match");
        }
        if (seconds != null) {
            Duration age = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
            if (age.compareTo(TIMESTAMP_TOLERANCE) > 0) {
                return new Invalid("timestamp more than " + TIMESTAMP_TOLERANCE.toMinutes() + " minutes from now");
            }
        }
        return new Valid(matchedMac, matched);
    }

    /** HMAC-SHA256 of {@code body}, or of {@code timestamp + "." + body} when there is a timestamp. */
    static byte[] mac(String secret, String timestamp, byte[] body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            if (timestamp != null) {
                hmac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            }
            return hmac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
