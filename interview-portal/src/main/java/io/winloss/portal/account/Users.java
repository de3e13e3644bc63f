package io.winloss.portal.account;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.lockout.Lockouts;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Staff accounts: creation with a slow password hash, login lookup, and the admin's user management. */
@Component
public class Users {

    /**
     * How long a process keeps who an API key's user is ({@link ApiKeys}) before reading it again: a change made on
     * another process counts here within this time.
     */
    static final Duration KEPT = Duration.ofSeconds(10);

    private final Store store;
    private final PasswordEncoder passwords;
    /** Who each user an API key recently acted for is, by user id. */
    private final Cache<String, Staff> staff = kept(Clock.systemUTC());

    Users(Store store, PasswordEncoder passwords) {
        this.store = store;
        this.passwords = passwords;
    }

    /** A bounded cache whose entries are read again after {@link #KEPT}, by {@code clock}. */
    static <K, V> Cache<K, V> kept(Clock clock) {
        return Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(10_000)
                .ticker(() -> clock.millis() * 1_000_000).build();
    }

    /** Creates a user in the workspace; fails with {@link DuplicateEmail} if the email is taken anywhere. */
    public Mono<User> create(WorkspaceId workspace, NewUser user) {
        return create(workspace, user, false);
    }

    /** The first admin of a new workspace; the instance owner may also create workspaces. */
    public Mono<User> createAdmin(WorkspaceId workspace, NewUser user, boolean instanceOwner) {
        return create(workspace, user, instanceOwner);
    }

    private Mono<User> create(WorkspaceId workspace, NewUser user, boolean instanceOwner) {
        // The hash is deliberately slow, so it runs off the event loop.
        return Mono.fromCallable(() -> passwords.encode(user.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> {
                    Document doc = new Document("_id", new ObjectId().toHexString())
                            .append("email", user.email())
                            .append("passwordHash", hash)
                            .append("role", user.role().name())
                            .append("instanceOwner", instanceOwner)
                            .append("createdAt", Date.from(Instant.now()));
                    return store.tenant(workspace, Collections.USERS).insert(doc);
                })
                .map(Users::toUser)
                .onErrorMap(MongoWriteException.class,
                        e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? new DuplicateEmail(user.email()) : e);
    }

    public Flux<User> list(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.USERS).find(new Document(), Sorts.ascending("email")).map(Users::toUser);
    }

    public Mono<User> find(WorkspaceId workspace, String id) {
        return store.tenant(workspace, Collections.USERS).findById(id).map(Users::toUser)
                .switchIfEmpty(Mono.error(() -> new NotFound("user")));
    }

    public Mono<User> findByEmail(WorkspaceId workspace, String email) {
        return store.tenant(workspace, Collections.USERS).findOne(eq("email", normalise(email))).map(Users::toUser);
    }

    public Mono<User> changeRole(WorkspaceId workspace, String id, Role role) {
        return store.tenant(workspace, Collections.USERS)
                .findOneAndUpdate(eq("_id", id), Updates.set("role", role.name()))
                .doOnSuccess(changed -> staff.invalidate(id))
                .map(Users::toUser)
                .switchIfEmpty(Mono.error(() -> new NotFound("user")));
    }

    public Mono<Void> remove(WorkspaceId workspace, String id) {
        return store.tenant(workspace, Collections.USERS).deleteOne(eq("_id", id))
                .doOnSuccess(n -> staff.invalidate(id))
                .flatMap(n -> n == 0 ? Mono.error(new NotFound("user")) : Mono.empty());
    }

    public Mono<Long> countAll() {
        return Mono.from(store.global(Collections.USERS).countDocuments());
    }

    /** Login looks users up before their workspace is known, hence the global collection. */
    Mono<StaffDetails> findForLogin(String email) {
        return Mono.from(store.global(Collections.USERS).find(eq("email", normalise(email))).first())
                .map(doc -> new StaffDetails(toStaff(doc), doc.getString("passwordHash"), Lockouts.signInRecordOf(doc)));
    }

    /** The staff member with this id, or empty; kept for {@link #KEPT} (see {@link ApiKeys}). */
    Mono<Staff> findStaff(String userId) {
        Staff known = staff.getIfPresent(userId);
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.from(store.global(Collections.USERS).find(eq("_id", userId)).first())
                .map(Users::toStaff)
                .doOnNext(found -> staff.put(userId, found));
    }

    private static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static Staff toStaff(Document doc) {
        return new Staff(doc.getString("_id"), new WorkspaceId(doc.getString("workspaceId")), doc.getString("email"),
                Role.valueOf(doc.getString("role")), doc.getBoolean("instanceOwner", false));
    }

    private static User toUser(Document doc) {
        return new User(doc.getString("_id"), doc.getString("email"), Role.valueOf(doc.getString("role")),
                doc.getBoolean("instanceOwner", false), doc.getDate("createdAt").toInstant());
    }
}
