package io.winloss.portal.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;

import io.winloss.portal.PortalProperties;
import reactor.core.publisher.Flux;

/**
 * The unique indexes the portal's guarantees rest on (one account per email, one key per hash, one deal
 * per external id, one response per invitation, one assignment per interviewer and deal), plus lookup indexes
 * for a real MongoDB (the embedded store has no non-unique indexes, so it is not asked for them). Created once
 * at start-up, before the server takes requests.
 */
@Component
class StoreIndexes implements SmartInitializingSingleton {

    private final Store store;
    private final boolean lookupIndexes;

    @Autowired
    StoreIndexes(Store store, PortalProperties properties) {
        this(store, !properties.embeddedStore());
    }

    StoreIndexes(Store store, boolean lookupIndexes) {
        this.store = store;
        this.lookupIndexes = lookupIndexes;
    }

    private static IndexModel unique(String field) {
        return new IndexModel(new Document(field, 1), new IndexOptions().unique(true));
    }

    private static IndexModel uniqueWhenPresent(String field) {
        return new IndexModel(new Document(field, 1), new IndexOptions().unique(true).sparse(true));
    }

    private static IndexModel lookup(String... fields) {
        Document keys = new Document();
        for (String field : fields) {
            keys.append(field, 1);
        }
        return new IndexModel(keys);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flux.concat(
                        create(Collections.USERS, unique("email"), lookup("workspaceId")),
                        create(Collections.API_KEYS, unique("hash"), lookup("workspaceId")),
                        // externalKey = workspaceId + externalId, present only when the deal has an external id
                        create(Collections.DEALS, uniqueWhenPresent("externalKey"), lookup("workspaceId", "closeDate")),
                        create(Collections.INVITATIONS, unique("tokenHash"), lookup("workspaceId", "dealId")),
                        create(Collections.SHARED_REPORTS, unique("tokenHash"), lookup("workspaceId", "createdAt")),
                        create(Collections.RESPONSES, lookup("workspaceId", "dealId")),
                        create(Collections.WEBHOOK_REPLAYS, lookup("receivedAt")),
                        create(Collections.SESSIONS, lookup("expiresAt")),
                        create(Collections.WEBHOOK_EVENTS, lookup("workspaceId", "receivedAt")),
                        create(Collections.OUTBOX, lookup("status", "nextAttemptAt")),
                        create(Collections.ANALYSIS_JOBS, lookup("status", "notBefore"), lookup("workspaceId", "status"),
                                lookup("workspaceId", "target")),
                        // key = workspaceId + target: one analysis per interview or answer sheet
                        create(Collections.ANALYSES, unique("key")),
                        // key = workspaceId + target + sentence index: one correction per sentence
                        create(Collections.CORRECTIONS, unique("key"), lookup("workspaceId", "target")),
                        create(Collections.INTERVIEWS, lookup("workspaceId", "dealId")),
                        // planKey = workspaceId + programId:dealId: one invitation plan per program and deal
                        create(Collections.PROGRAM_PLANS, unique("planKey"), lookup("status", "nextAt"),
                                lookup("workspaceId", "programId")),
                        create(Collections.PROGRAMS, lookup("workspaceId")),
                        create(Collections.REMINDER_TOKENS, lookup("workspaceId", "invitationId")),
                        // notes of deal writes whose follow-up has not finished, found by the sweep
                        create(Collections.DEAL_FOLLOW_UPS, lookup("since")),
                        create(Collections.ACTIONS, lookup("workspaceId", "dealId")),
                        create(Collections.ACTION_REMINDERS, lookup("status", "at")),
                        // assignmentKey = workspaceId + dealId + interviewerId: one assignment per interviewer and deal
                        create(Collections.ASSIGNMENTS, unique("assignmentKey"), lookup("workspaceId", "dealId"),
                                lookup("workspaceId", "interviewerId")),
                        // key = workspaceId + deal + date + type + summary hash: a re-imported touchpoint is not stored twice
                        create(Collections.TOUCHPOINTS, unique("key"), lookup("workspaceId", "dealId", "at")),
                        // key = workspaceId + deal: one post-mortem per deal; ratings keyed by deal and person
                        create(Collections.POST_MORTEMS, unique("key")),
                        create(Collections.POST_MORTEM_RATINGS, unique("key"), lookup("workspaceId", "dealId")))
                .then()
                // Start-up runs on the main thread before the server listens, so waiting here blocks no request.
                .block(Duration.ofSeconds(60));
    }

    private Flux<String> create(String collection, IndexModel... indexes) {
        List<IndexModel> wanted = Arrays.stream(indexes)
                .filter(index -> lookupIndexes || Boolean.TRUE.equals(index.getOptions().isUnique()))
                .toList();
        return wanted.isEmpty() ? Flux.empty() : Flux.from(store.global(collection).createIndexes(wanted));
    }
}
