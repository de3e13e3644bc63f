package io.winloss.portal.account;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.mongodb.client.model.Sorts;

import io.winloss.portal.secret.SecretToken;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API keys for scripts and CRMs. A key acts as the user who created it, within that user's workspace;
 * only its SHA-256 is stored, so a leaked database reveals no usable key.
 *
 * <p>Each process keeps which user a key acts for, and {@link Users} who that user is, for {@link Users#KEPT}: an API
 * request then reads nothing from the store to authenticate (two reads per request took half a search's time, and
 * every read waits out the store's busy moments while analysis writes). A key revoked, or a user removed or given
 * another role, on this process counts at once; on another process within {@link Users#KEPT}.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "wl_";

    private final Store store;
    private final Users users;
    /** The user id each recently presented key (by its hash) acts for. */
    private final Cache<String, String> userIds;

    @Autowired
    ApiKeys(Store store, Users users) {
        this(store, users, Clock.systemUTC());
    }

    /** With the clock that says when a kept key is due to be read again. */
    ApiKeys(Store store, Users users, Clock clock) {
        this.store = store;
        this.users = users;
        this.userIds = Users.kept(clock);
    }

    public Mono<ApiKey.Issued> issue(Staff owner, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            return Mono.error(new InvalidInput("name", "must be 1 to 100 characters"));
        }
        SecretToken secret = SecretToken.generate(PREFIX);
        Document doc = new Document("_id", new ObjectId().toHexString())
                .append("name", name.trim())
                .append("prefix", secret.value().substring(0, PREFIX.length() + 6))
                .append("hash", secret.hash())
                .append("userId", owner.userId())
                .append("ownerEmail", owner.email())
                .append("createdAt", Date.from(Instant.now()));
        return store.tenant(owner.workspace(), Collections.API_KEYS).insert(doc)
                .map(saved -> new ApiKey.Issued(toKey(saved), secret.value()));
    }

    public Flux<ApiKey> list(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.API_KEYS).find(new Document(), Sorts.descending("createdAt"))
                .map(ApiKeys::toKey);
    }

    public Mono<Void> revoke(WorkspaceId workspace, String id) {
        return store.tenant(workspace, Collections.API_KEYS).deleteOne(eq("_id", id))
                .doOnSuccess(n -> userIds.invalidateAll()) // by id: the hash the keys are kept under is not at hand
                .flatMap(n -> n == 0 ? Mono.error(new NotFound("API key")) : Mono.empty());
    }

    /** The staff member a presented key acts for; empty if the key is unknown or its user was removed. */
    Mono<Staff> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Mono.empty();
        }
        String hash = SecretToken.hashOf(presented);
        String userId = userIds.getIfPresent(hash);
        Mono<String> owner = userId != null ? Mono.just(userId)
                : Mono.from(store.global(Collections.API_KEYS).find(eq("hash", hash)).first())
                        .map(doc -> doc.getString("userId"))
                        .doOnNext(id -> userIds.put(hash, id));
        return owner.flatMap(users::findStaff);
    }

    private static ApiKey toKey(Document doc) {
        return new ApiKey(doc.getString("_id"), doc.getString("name"), doc.getString("prefix"),
                doc.getString("ownerEmail"), doc.getDate("createdAt").toInstant());
    }
}
