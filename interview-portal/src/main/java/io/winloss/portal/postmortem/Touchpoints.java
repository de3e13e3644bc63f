package io.winloss.portal.postmortem;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.deal.Deals;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The touchpoints of a workspace's deals: the one way to store, read or delete them. Every touchpoint is upserted by
 * its natural key (deal, date, type, summary hash) under a unique index, so sending or importing the same touchpoint
 * again updates it (its owner) instead of storing it twice.
 */
@Component
public class Touchpoints {

    /** A touchpoint of a deal known to exist in the workspace, for {@link #saveAll}. */
    record OfDeal(String dealId, NewTouchpoint touchpoint) {
    }

    /** What {@link #saveAll} did: touchpoints new to the store, and ones it already had. */
    record Counts(long created, long updated) {
    }

    private static final String KEY = "key";

    private final Store store;
    private final Deals deals;
    private final Clock clock = Clock.systemUTC();

    Touchpoints(Store store, Deals deals) {
        this.store = store;
        this.deals = deals;
    }

    private TenantCollection touchpoints(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.TOUCHPOINTS);
    }

    /**
     * Stores touchpoints of one deal and answers them as stored, in the order given; {@link NotFound} when the deal is
     * not this workspace's, and then nothing is stored.
     */
    public Mono<List<Touchpoint>> add(WorkspaceId workspace, String dealId, List<NewTouchpoint> touchpoints) {
        return deals.find(workspace, dealId)
                .flatMap(deal -> saveAll(workspace, touchpoints.stream().map(t -> new OfDeal(deal.id(), t)).toList()))
                .then(Mono.defer(() -> {
                    TenantCollection collection = touchpoints(workspace);
                    List<String> keys = touchpoints.stream().map(t -> collection.qualifiedKey(t.naturalKey(dealId))).toList();
                    return collection.find(in(KEY, keys), Sorts.ascending("_id")).collectMap(d -> d.getString(KEY))
                            .map(byKey -> keys.stream().distinct().filter(byKey::containsKey)
                                    .map(k -> toTouchpoint(byKey.get(k))).toList());
                }));
    }

    /** Upserts touchpoints of deals the caller checked, in one ordered bulk write. */
    Mono<Counts> saveAll(WorkspaceId workspace, List<OfDeal> batch) {
        if (batch.isEmpty()) {
            return Mono.just(new Counts(0, 0));
        }
        Date now = Date.from(clock.instant());
        List<TenantCollection.Write> writes = new ArrayList<>(batch.size());
        for (OfDeal item : batch) {
            NewTouchpoint t = item.touchpoint();
            Bson update = Updates.combine(
                    Updates.set("dealId", item.dealId()),
                    Updates.set("date", t.date().iso()),
                    Updates.set("at", Date.from(t.date().sortKey())),
                    Updates.set("type", t.type().id()),
                    Updates.set("summary", t.summary()),
                    Updates.set("owner", t.owner()),
                    Updates.set("updatedAt", now),
                    Updates.setOnInsert("_id", new ObjectId().toHexString()),
                    Updates.setOnInsert("createdAt", now));
            writes.add(TenantCollection.Write.upsertByKey(KEY, t.naturalKey(item.dealId()), update));
        }
        return touchpoints(workspace).writeAll(writes)
                .map(r -> new Counts(r.getUpserts().size(), r.getMatchedCount()));
    }

    /** The deal's touchpoints, earliest first (a date without a time counts from the start of its day). */
    public Flux<Touchpoint> forDeal(WorkspaceId workspace, String dealId) {
        return touchpoints(workspace).find(eq("dealId", dealId), Sorts.ascending("at", "_id")).map(Touchpoints::toTouchpoint);
    }

    /** Deletes one touchpoint of the deal; {@link NotFound} when the deal has no such touchpoint in this workspace. */
    public Mono<Void> delete(WorkspaceId workspace, String dealId, String touchpointId) {
        return touchpoints(workspace).deleteOne(and(eq("_id", touchpointId), eq("dealId", dealId)))
                .flatMap(n -> n == 0 ? Mono.error(new NotFound("touchpoint")) : Mono.empty())
                .then();
    }

    /** Deletes every touchpoint of the deal, which is being deleted; answers how many went. */
    public Mono<Long> deleteAllOf(WorkspaceId workspace, String dealId) {
        return touchpoints(workspace).deleteMany(eq("dealId", dealId));
    }

    private static Touchpoint toTouchpoint(Document d) {
        Date created = d.getDate("createdAt");
        return new Touchpoint(d.getString("_id"), d.getString("dealId"),
                TouchpointDate.parse(d.getString("date")).orElseThrow(),
                TouchpointType.byId(d.getString("type")).orElse(TouchpointType.OTHER),
                d.getString("summary"), d.getString("owner"), created == null ? null : created.toInstant());
    }
}
