package io.winloss.portal.session;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.winloss.portal.secret.SecretToken;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import reactor.core.publisher.Mono;

/**
 * The portal's web sessions, kept in the store ({@code sessions}) so that a user signed in on one portal process is
 * signed in on every other process sharing the store. Guarantees:
 * <ul>
 * <li>the id in the cookie is 256 random bits; only its SHA-256 is stored (as {@code _id}), so a copy of the
 * database holds no usable session;</li>
 * <li>a session is written only once it holds something (Spring starts one at sign-in or when it remembers the page
 * an anonymous visitor asked for): buyer pages and the login page write nothing;</li>
 * <li>a session whose last access is older than its max idle time ({@code server.reactive.session.timeout}, 30
 * minutes by default) is refused on read, by every process, and removed by {@link SessionCleanup};</li>
 * <li>to spare the store a write on every request, the last access is refreshed only when it is older than
 * {@link #ACCESS_REFRESH} (a session may so end up to that much earlier than its max idle time says); attributes are
 * written only when their bytes changed;</li>
 * <li>changing the id (sign-in, against session fixation) and invalidating (sign-out) delete the old document at
 * once; a process that still holds a session ended elsewhere never writes it back (it only replaces an existing
 * document, never creates one, unless the session is new in that very request).</li>
 * </ul>
 * The collection is global: a session is looked up before anyone, and so any workspace, is known.
 */
final class StoredSessions implements WebSessionStore {

    /** A session's last access is written at most this often. */
    static final Duration ACCESS_REFRESH = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);

    private final MongoCollection<Document> sessions;
    private final Duration maxIdle;
    private final Clock clock;

    StoredSessions(Store store, Duration maxIdle, Clock clock) {
        this.sessions = store.global(Collections.SESSIONS);
        this.maxIdle = maxIdle;
        this.clock = clock;
    }

    /** What is stored for the session whose cookie carries {@code id}: its SHA-256, as for every other secret. */
    static String storedId(String id) {
        return SecretToken.hashOf(id);
    }

    /** 256 random bits, URL-safe: a secret like any other token. */
    private static String newId() {
        return SecretToken.generate("").value();
    }

    @Override
    public Mono<WebSession> createWebSession() {
        Instant now = clock.instant();
        return Mono.just(new StoredSession(newId(), now, now, maxIdle, new ConcurrentHashMap<>(), null));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        String key = storedId(id);
        return Mono.from(sessions.find(eq("_id", key)).first())
                .flatMap(document -> {
                    Instant lastAccess = document.getDate("lastAccess").toInstant();
                    Duration idle = Duration.ofSeconds(document.getLong("maxIdleSeconds"));
                    if (!idle.isNegative() && clock.instant().isAfter(lastAccess.plus(idle))) {
                        // expired: refused here, by every process, whether or not the cleanup came by yet
                        return Mono.from(sessions.deleteOne(eq("_id", key))).then(Mono.empty());
                    }
                    try {
                        return updateLastAccessTime(read(id, document, lastAccess, idle));
                    } catch (SessionAttributes.UnreadableSession e) {
                        log.warn("session ignored: {}", e.getMessage());
                        return Mono.empty();
                    }
                });
    }

    @Override
    public Mono<Void> removeSession(String id) {
        return Mono.from(sessions.deleteOne(eq("_id", storedId(id)))).then();
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
        return Mono.fromSupplier(() -> {
            ((StoredSession) webSession).accessedAt(clock.instant());
            return webSession;
        });
    }

    /** Deletes the sessions that expired before {@code now}; answers how many. */
    Mono<Long> removeExpired(Instant now) {
        return Mono.from(sessions.deleteMany(lt("expiresAt", Date.from(now)))).map(r -> r.getDeletedCount());
    }

    private StoredSession read(String id, Document document, Instant lastAccess, Duration idle) {
        byte[] bytes = document.get("attributes", Binary.class).getData();
        Map<String, Object> attributes = new ConcurrentHashMap<>(SessionAttributes.read(bytes));
        return new StoredSession(id, document.getDate("createdAt").toInstant(), lastAccess, idle, attributes, bytes);
    }

    /** One session as this request sees it; written back by {@link #save()} when something changed. */
    private final class StoredSession implements WebSession {

        private final AtomicReference<String> id;
        private final Instant creationTime;
        private final Map<String, Object> attributes;
        private volatile Instant lastAccess;
        private volatile Duration maxIdleTime;
        /** The attribute bytes the store holds under the current id; null while no document exists for it. */
        private volatile byte[] stored;
        private volatile boolean accessChanged;
        private volatile boolean started;
        private volatile boolean invalidated;

        StoredSession(String id, Instant creationTime, Instant lastAccess, Duration maxIdleTime,
                Map<String, Object> attributes, byte[] stored) {
            this.id = new AtomicReference<>(id);
            this.creationTime = creationTime;
            this.lastAccess = lastAccess;
            this.maxIdleTime = maxIdleTime;
            this.attributes = attributes;
            this.stored = stored;
        }

        void accessedAt(Instant now) {
            if (!now.isBefore(lastAccess.plus(ACCESS_REFRESH))) {
                lastAccess = now;
                accessChanged = true;
            }
        }

        /** When it expires unless used again; a negative max idle time (never) keeps it a hundred years. */
        Instant expiresAt() {
            return lastAccess.plus(maxIdleTime.isNegative() ? Duration.ofDays(36_500) : maxIdleTime);
        }

        boolean isExpiredAt(Instant now) {
            return !maxIdleTime.isNegative() && now.isAfter(lastAccess.plus(maxIdleTime));
        }

        @Override
        public String getId() {
            return id.get();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public boolean isStarted() {
            return started || !attributes.isEmpty();
        }

        @Override
        public Mono<Void> changeSessionId() {
            return Mono.defer(() -> {
                String old = id.getAndSet(newId());
                boolean wasStored = stored != null;
                stored = null;
                return wasStored ? Mono.from(sessions.deleteOne(eq("_id", storedId(old)))).then() : Mono.empty();
            });
        }

        @Override
        public Mono<Void> invalidate() {
            return Mono.defer(() -> {
                invalidated = true;
                attributes.clear();
                boolean wasStored = stored != null;
                stored = null;
                return wasStored ? Mono.from(sessions.deleteOne(eq("_id", storedId(id.get())))).then() : Mono.empty();
            });
        }

        @Override
        public Mono<Void> save() {
            return Mono.defer(() -> {
                if (invalidated || !isStarted()) {
                    return Mono.empty();
                }
                byte[] bytes = SessionAttributes.write(attributes);
                byte[] before = stored;
                if (before != null && !accessChanged && Arrays.equals(bytes, before)) {
                    return Mono.empty();
                }
                String key = storedId(id.get());
                Document document = new Document("_id", key)
                        .append("createdAt", Date.from(creationTime))
                        .append("lastAccess", Date.from(lastAccess))
                        .append("maxIdleSeconds", maxIdleTime.toSeconds())
                        // when it expires, for the cleanup's query (no TTL in the embedded store)
                        .append("expiresAt", Date.from(expiresAt()))
                        .append("attributes", new Binary(bytes));
                // a session already stored is only replaced: one ended meanwhile by another process stays ended
                return Mono.from(sessions.replaceOne(eq("_id", key), document, new ReplaceOptions().upsert(before == null)))
                        .doOnNext(result -> {
                            accessChanged = false;
                            if (before == null || result.getMatchedCount() > 0) {
                                stored = bytes;
                            }
                        })
                        .then();
            });
        }

        @Override
        public boolean isExpired() {
            return invalidated || isExpiredAt(clock.instant());
        }

        @Override
        public Instant getCreationTime() {
            return creationTime;
        }

        @Override
        public Instant getLastAccessTime() {
            return lastAccess;
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        @Override
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }
    }
}
