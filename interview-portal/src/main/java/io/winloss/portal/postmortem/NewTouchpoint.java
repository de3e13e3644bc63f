package io.winloss.portal.postmortem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A checked touchpoint, ready to store. Its {@link #naturalKey} (deal, date, type and a hash of the summary) is what
 * makes importing the same file twice store each touchpoint once.
 *
 * @param owner who on our side had the contact (an email or a name), or null
 */
public record NewTouchpoint(TouchpointDate date, TouchpointType type, String summary, String owner) {

    /** The same touchpoint of the same deal always has the same key; the summary is hashed to keep the key short. */
    String naturalKey(String dealId) {
        return dealId + "\u0000" + date.iso() + "\u0000" + type.id() + "\u0000" + sha256(summary);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
