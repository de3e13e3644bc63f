package io.winloss.portal.workspace;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.winloss.portal.account.NewUser;
import io.winloss.portal.account.Role;
import io.winloss.portal.account.Users;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.web.Conflict;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates workspaces with their first admin. The store has no transactions, so a workspace whose admin
 * cannot be created (the email is taken) is removed again before the error is reported.
 */
@Component
public class Workspaces {

    private final Store store;
    private final Users users;

    Workspaces(Store store, Users users) {
        this.store = store;
        this.users = users;
    }

    public Mono<Workspace> create(String name, String adminEmail, String adminPassword) {
        return create(name, adminEmail, adminPassword, false);
    }

    /**
     * Creates the instance's first workspace and its owner, once: a second call (or a concurrent one)
     * fails with {@link Conflict}.
     */
    public Mono<Workspace> createFirst(String name, String adminEmail, String adminPassword) {
        return Mono.defer(() -> {
            validate(name, adminEmail, adminPassword);
            Document claim = new Document("_id", "owner").append("at", Date.from(Instant.now()));
            return Mono.from(store.global(Collections.INSTANCE).insertOne(claim))
                    .onErrorMap(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                            ? new Conflict("this instance is already set up") : e)
                    .then(create(name, adminEmail, adminPassword, true)
                            .onErrorResume(e -> Mono.from(store.global(Collections.INSTANCE).deleteOne(eq("_id", "owner")))
                                    .then(Mono.error(e))));
        });
    }

    /** True once the first workspace exists; until then pages offer the setup form. */
    public Mono<Boolean> isSetUp() {
        return Mono.from(store.global(Collections.INSTANCE).countDocuments(eq("_id", "owner"))).map(n -> n > 0);
    }

    /** Every workspace's id, for work that spans the instance (rebuilding the quote index). */
    public Flux<WorkspaceId> allIds() {
        return Flux.from(store.global(Collections.WORKSPACES).find().projection(new Document("_id", 1)))
                .map(d -> new WorkspaceId(d.getString("_id")));
    }

    public Mono<Workspace> find(WorkspaceId id) {
        return Mono.from(store.global(Collections.WORKSPACES).find(eq("_id", id.value())).first()).map(Workspaces::toWorkspace);
    }

    private Mono<Workspace> create(String name, String adminEmail, String adminPassword, boolean instanceOwner) {
        return Mono.defer(() -> {
            NewUser admin = validate(name, adminEmail, adminPassword);
            WorkspaceId id = new WorkspaceId(new ObjectId().toHexString());
            Document doc = new Document("_id", id.value()).append("name", name.trim()).append("createdAt", Date.from(Instant.now()));
            return Mono.from(store.global(Collections.WORKSPACES).insertOne(doc))
                    .then(users.createAdmin(id, admin, instanceOwner))
                    .onErrorResume(e -> Mono.from(store.global(Collections.WORKSPACES).deleteOne(eq("_id", id.value())))
                            .then(Mono.error(e)))
                    .thenReturn(new Workspace(id, name.trim()));
        });
    }

    /** Checks every field at once, so the caller learns all that is wrong in one answer. */
    private static NewUser validate(String name, String adminEmail, String adminPassword) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        try {
            NewUser admin = NewUser.of(adminEmail, adminPassword, Role.ADMIN.name());
            if (errors.isEmpty()) {
                return admin;
            }
        } catch (InvalidInput e) {
            e.errors().forEach(f -> errors.add(new FieldError("admin" + Character.toUpperCase(f.field().charAt(0)) + f.field().substring(1), f.message())));
        }
        throw new InvalidInput(errors);
    }

    private static Workspace toWorkspace(Document doc) {
        return new Workspace(new WorkspaceId(doc.getString("_id")), doc.getString("name"));
    }
}
