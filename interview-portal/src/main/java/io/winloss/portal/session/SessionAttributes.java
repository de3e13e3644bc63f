package io.winloss.portal.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A session's attributes as bytes any portal process can read back: Java serialization of the attribute map. Chosen
 * over storing only what is needed to rebuild the sign-in because Spring Security keeps more than the principal there
 * (the page asked for before signing in, the authentication with its authorities and details), and this round-trips
 * all of it unchanged with no mapping of ours to keep in step. Two limits keep it safe: reading accepts only the JDK's
 * value classes, Spring Security's and the portal's own (an allow-list filter, so a forged document cannot name a
 * gadget class), and the password hash is never written (the sign-in's credentials are dropped from the stored copy;
 * {@code StaffDetails} keeps its hash transient). The price: after an upgrade that changes those classes
 * incompatibly, stored sessions no longer read and their users sign in again.
 */
final class SessionAttributes {

    /** Small, flat graphs of known classes: anything else is refused before it is instantiated. */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=1048576;maxarray=10000;"
                    + "java.lang.*;java.util.*;java.time.*;org.springframework.security.**;io.winloss.portal.**;!*");

    private SessionAttributes() {
    }

    static byte[] write(Map<String, Object> attributes) {
        HashMap<String, Object> stored = new HashMap<>();
        attributes.forEach((name, value) -> stored.put(name, withoutCredentials(value)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("session attribute is not serializable", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ALLOWED);
            Object map = in.readObject();
            if (!(map instanceof HashMap<?, ?>)) {
                throw new InvalidClassException("session attributes are not a map");
            }
            return (Map<String, Object>) map;
        } catch (IOException | ClassNotFoundException e) {
            throw new UnreadableSession(e);
        }
    }

    /** The signed-in context as stored: the same principal and authorities, no password. */
    private static Object withoutCredentials(Object value) {
        if (value instanceof SecurityContext context
                && context.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getCredentials() != null && token.isAuthenticated()) {
            UsernamePasswordAuthenticationToken stored = UsernamePasswordAuthenticationToken.authenticated(
                    token.getPrincipal(), null, token.getAuthorities());
            if (token.getDetails() instanceof Serializable details) {
                stored.setDetails(details);
            }
            return new SecurityContextImpl(stored);
        }
        return value;
    }

    /** Stored attributes this process cannot read (another version's classes, or a refused class). */
    static final class UnreadableSession extends RuntimeException {
        UnreadableSession(Exception cause) {
            super("stored session cannot be read: " + cause.getMessage(), cause);
        }
    }
}
