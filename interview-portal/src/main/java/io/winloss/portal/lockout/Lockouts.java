package io.winloss.portal.lockout;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Failed sign-ins per account and the lock they lead to, kept on the user's own document ({@code loginFailures},
 * {@code loginFailuresSince}, {@code lockedUntil}) so every process sharing the store sees the same lock. Every
 * change is one atomic single-document update. Only existing accounts are counted: failures for an unknown email
 * store nothing, so they cannot fill the store. Every method takes "now", so tests choose the time.
 */
@Component
public class Lockouts {

    private static final Logger log = LoggerFactory.getLogger(Lockouts.class);

    static final String FAILURES = "loginFailures";
    static final String SINCE = "loginFailuresSince";
    static final String LOCKED_UNTIL = "lockedUntil";

    private final Store store;
    private final LockoutSettings settings;

    Lockouts(Store store, LockoutSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Whether the account with this email is locked at {@code now}; false for unknown emails. */
    /** The sign-in record kept on a user document, as {@code Users} loads it for a sign-in. */
    public static SignInRecord signInRecordOf(Document user) {
        Date lockedUntil = user.getDate(LOCKED_UNTIL);
        return new SignInRecord(lockedUntil == null ? null : lockedUntil.toInstant(),
                user.containsKey(FAILURES) || lockedUntil != null);
    }

    public Mono<Boolean> isLocked(String email, Instant now) {
        return Mono.from(store.global(Collections.USERS)
                        .find(and(eq("email", normalise(email)), gt(LOCKED_UNTIL, Date.from(now))))
                        .projection(Projections.include("_id")).first())
                .hasElement();
    }

    /**
     * Counts a failed sign-in at {@code now}; the one that reaches the limit within the window locks the account
     * until {@code now + lockFor} and starts a fresh count. Answers whether this failure locked the account.
     */
    public Mono<Boolean> recordFailure(String email, Instant now) {
        if (settings.off()) {
            return Mono.just(false);
        }
        String normalised = normalise(email);
        Date windowStart = Date.from(now.minus(settings.within()));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        Bson inWindow = and(eq("email", normalised), gte(SINCE, windowStart));
        Bson noWindow = and(eq("email", normalised), or(exists(SINCE, false), lt(SINCE, windowStart)));
        Mono<Document> counted = Mono.from(store.global(Collections.USERS)
                        .findOneAndUpdate(inWindow, Updates.inc(FAILURES, 1), after))
                .switchIfEmpty(Mono.defer(() -> Mono.from(store.global(Collections.USERS).findOneAndUpdate(noWindow,
                        Updates.combine(Updates.set(FAILURES, 1), Updates.set(SINCE, Date.from(now))), after))));
        return counted
                .flatMap(doc -> {
                    int failures = doc.getInteger(FAILURES, 0);
                    if (failures < settings.failures()) {
                        return Mono.just(false);
                    }
                    Instant until = now.plus(settings.lockFor());
                    log.warn("account {} locked until {} after {} failed sign-ins within {}", normalised, until, failures,
                            settings.within());
                    return Mono.from(store.global(Collections.USERS).updateOne(eq("_id", doc.getString("_id")),
                                    Updates.combine(Updates.set(LOCKED_UNTIL, Date.from(until)), Updates.unset(FAILURES),
                                            Updates.unset(SINCE))))
                            .thenReturn(true);
                })
                .defaultIfEmpty(false);
    }

    /** A successful sign-in forgets the failures; costs no write when there are none. */
    public Mono<Void> recordSuccess(String email) {
        return Mono.from(store.global(Collections.USERS).updateOne(
                        and(eq("email", normalise(email)), or(exists(FAILURES, true), exists(LOCKED_UNTIL, true))),
                        Updates.combine(Updates.unset(FAILURES), Updates.unset(SINCE), Updates.unset(LOCKED_UNTIL))))
                .then();
    }

    /** The workspace's users locked at {@code now}: user id to the end of the lock. */
    public Mono<Map<String, Instant>> lockedIn(WorkspaceId workspace, Instant now) {
        return store.tenant(workspace, Collections.USERS).find(gt(LOCKED_UNTIL, Date.from(now)), com.mongodb.client.model.Sorts.ascending("_id"))
                .collect(LinkedHashMap::new, (map, doc) -> map.put(doc.getString("_id"), doc.getDate(LOCKED_UNTIL).toInstant()));
    }

    /** An admin lifts a user's lock and forgets their failures; another workspace's user is {@link NotFound}. */
    public Mono<Void> unlock(WorkspaceId workspace, String userId) {
        return store.tenant(workspace, Collections.USERS).findOneAndUpdate(eq("_id", userId),
                        Updates.combine(Updates.unset(FAILURES), Updates.unset(SINCE), Updates.unset(LOCKED_UNTIL)))
                .switchIfEmpty(Mono.error(() -> new NotFound("user")))
                .doOnNext(doc -> log.info("account {} unlocked by an admin", doc.getString("email")))
                .then();
    }

    private static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
