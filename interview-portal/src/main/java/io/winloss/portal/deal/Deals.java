package io.winloss.portal.deal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.regex;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The deals of a workspace: the one way other features read or change deals. Every write also tells the
 * {@link DealSaved} followers (program enrolment, for one), crash-safely: see {@link #settlePending}.
 */
@Component
public class Deals {

    private static final Logger log = LoggerFactory.getLogger(Deals.class);
    /** Deals handed to the followers at once when a sweep finishes an interrupted follow-up. */
    static final int FOLLOW_UP_BATCH = 500;

    /** What {@link #save} did: created a deal, or updated the one with the same external id. */
    public record Saved(Deal deal, boolean created) {
    }

    /** What a batch of {@link #saveAll} did. */
    public record Counts(long created, long updated) {
    }

    /** The workspace-qualified external id; set only when the deal has one, so the sparse unique index skips the rest. */
    private static final String EXTERNAL_KEY = "externalKey";

    private final Store store;
    private final ChangeLog changes;
    private final List<DealSaved> followers;

    Deals(Store store, ChangeLog changes, List<DealSaved> followers) {
        this.store = store;
        this.changes = changes;
        this.followers = List.copyOf(followers);
    }

    private TenantCollection deals(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.DEALS);
    }

    /** The deal, or {@link NotFound} if it does not exist in this workspace. */
    public Mono<Deal> find(WorkspaceId workspace, String id) {
        return deals(workspace).findById(id).map(Deals::toDeal).switchIfEmpty(Mono.error(() -> new NotFound("deal")));
    }

    /**
     * Creates the deal, or, when it has an external id this workspace already knows, updates that deal in
     * place (one atomic upsert, so sending the same deal twice never makes two).
     */
    public Mono<Saved> save(WorkspaceId workspace, NewDeal deal) {
        Date now = new Date();
        String newId = new ObjectId().toHexString();
        return intend(workspace, now).flatMap(note -> {
            if (deal.externalId() == null) {
                Document doc = facts(deal).append("_id", newId).append("createdAt", now).append("updatedAt", now);
                return deals(workspace).insert(doc).map(d -> new Saved(toDeal(d), true))
                        .flatMap(saved -> followUp(workspace, List.of(saved.deal()), note).thenReturn(saved));
            }
            Bson update = Updates.combine(setFacts(deal),
                    Updates.set("updatedAt", now),
                    Updates.setOnInsert("_id", newId),
                    Updates.setOnInsert("createdAt", now));
            return deals(workspace).upsertByKey(EXTERNAL_KEY, deal.externalId(), update)
                    // two first sends racing: the loser's insert hits the unique index; its retry updates
                    .retryWhen(Retry.max(1).filter(Deals::isDuplicateKey))
                    .map(d -> new Saved(toDeal(d), newId.equals(d.getString("_id"))))
                    .flatMap(saved -> saved.created() ? Mono.just(saved) : changes.record(workspace, target(saved.deal())).thenReturn(saved))
                    .flatMap(saved -> followUp(workspace, List.of(saved.deal()), note).thenReturn(saved));
        });
    }

    /** Replaces the facts of an existing deal (keeping its id and creation time), or {@link NotFound}. */
    public Mono<Deal> update(WorkspaceId workspace, String id, NewDeal deal) {
        Bson externalKey = deal.externalId() == null ? Updates.unset(EXTERNAL_KEY)
                : Updates.set(EXTERNAL_KEY, deals(workspace).qualifiedKey(deal.externalId()));
        Date now = new Date();
        Bson update = Updates.combine(setFacts(deal), externalKey, Updates.set("updatedAt", now));
        return intend(workspace, now).flatMap(note -> deals(workspace).findOneAndUpdate(eq("_id", id), update)
                .onErrorMap(Deals::isDuplicateKey, e -> new InvalidInput("externalId", "another deal already has this external id"))
                .map(Deals::toDeal)
                .switchIfEmpty(Mono.error(() -> new NotFound("deal")))
                .flatMap(updated -> changes.record(workspace, target(updated)).thenReturn(updated))
                .flatMap(updated -> followUp(workspace, List.of(updated), note).thenReturn(updated)));
    }

    /**
     * Deletes the deal record alone and logs the change, so every process's quote index drops whatever it still
     * holds of the deal; {@link NotFound} when it is gone already. Only {@link DealDeletion} calls this, after the
     * deal's interviews, answers and assignments are gone. The {@link DealSaved} followers drop what they keep of it
     * first (a program's invitation plan, say).
     */
    Mono<Void> delete(WorkspaceId workspace, String id) {
        return Flux.fromIterable(followers).concatMap(follower -> follower.deleting(workspace, id))
                .then(deals(workspace).deleteOne(eq("_id", id)))
                .flatMap(n -> n == 0 ? Mono.error(new NotFound("deal")) : changes.record(workspace, "deal:" + id))
                .then();
    }

    /** How the change log names a deal whose facts changed. */
    public static String target(Deal deal) {
        return "deal:" + deal.id();
    }

    /**
     * Saves many deals in one ordered bulk write with the same rules as {@link #save}: deals with an external
     * id are upserted by it, the others inserted.
     */
    public Mono<Counts> saveAll(WorkspaceId workspace, List<NewDeal> batch) {
        if (batch.isEmpty()) {
            return Mono.just(new Counts(0, 0));
        }
        Date now = new Date();
        List<TenantCollection.Write> writes = new ArrayList<>(batch.size());
        for (NewDeal deal : batch) {
            if (deal.externalId() == null) {
                writes.add(TenantCollection.Write.insert(facts(deal)
                        .append("_id", new ObjectId().toHexString()).append("createdAt", now).append("updatedAt", now)));
            } else {
                writes.add(TenantCollection.Write.upsertByKey(EXTERNAL_KEY, deal.externalId(), Updates.combine(setFacts(deal),
                        Updates.set("updatedAt", now),
                        Updates.setOnInsert("_id", new ObjectId().toHexString()),
                        Updates.setOnInsert("createdAt", now))));
            }
        }
        return intend(workspace, now).flatMap(note -> deals(workspace).writeAll(writes)
                .flatMap(r -> recordUpdated(workspace, batch, r)
                        .flatMap(updated -> followUp(workspace, written(batch, writes, r, updated, now), note))
                        .thenReturn(new Counts(r.getInsertedCount() + r.getUpserts().size(), r.getMatchedCount()))));
    }

    /**
     * Logs a change for each deal of the batch that existed before (matched by external id), so its quotes follow;
     * answers those deals as stored now.
     */
    private Mono<List<Document>> recordUpdated(WorkspaceId workspace, List<NewDeal> batch, com.mongodb.bulk.BulkWriteResult result) {
        java.util.Set<Integer> inserted = new java.util.HashSet<>();
        result.getUpserts().forEach(u -> inserted.add(u.getIndex()));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).externalId() != null && !inserted.contains(i)) {
                keys.add(deals(workspace).qualifiedKey(batch.get(i).externalId()));
            }
        }
        if (keys.isEmpty()) {
            return Mono.just(List.of());
        }
        return deals(workspace).find(in(EXTERNAL_KEY, keys), Sorts.ascending("_id"))
                .concatMap(d -> changes.record(workspace, "deal:" + d.getString("_id")).thenReturn(d))
                .collectList();
    }

    /**
     * The deals a {@link #saveAll} batch wrote, as stored now, without reading the new ones back: inserts from their
     * documents, new external ids from the facts and the id the upsert reported, known ones as {@code updated} found them.
     */
    private List<Deal> written(List<NewDeal> batch, List<TenantCollection.Write> writes, com.mongodb.bulk.BulkWriteResult result,
            List<Document> updated, Date now) {
        if (followers.isEmpty()) {
            return List.of();
        }
        java.util.Map<Integer, String> upserted = new java.util.HashMap<>();
        result.getUpserts().forEach(u -> upserted.put(u.getIndex(), u.getId().asString().getValue()));
        List<Deal> written = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (writes.get(i).insert() != null) {
                written.add(toDeal(writes.get(i).insert()));
            } else if (upserted.containsKey(i)) {
                written.add(toDeal(facts(batch.get(i)).append("_id", upserted.get(i)).append("createdAt", now).append("updatedAt", now)));
            }
        }
        updated.forEach(d -> written.add(toDeal(d)));
        return written;
    }

    /**
     * Notes, before deals are written at {@code now}, that their {@link DealSaved} followers are still to hear of them:
     * a small document in {@code dealFollowUps} that {@link #followUp} deletes once they did. A process that dies in
     * between leaves the note, and {@link #settlePending} hands every deal of the workspace written since then to the
     * followers again. Answers the note's id, or "" when nobody follows deals.
     */
    private Mono<String> intend(WorkspaceId workspace, Date now) {
        if (followers.isEmpty()) {
            return Mono.just("");
        }
        String id = new ObjectId().toHexString();
        return store.tenant(workspace, Collections.DEAL_FOLLOW_UPS).insert(new Document("_id", id).append("since", now)).thenReturn(id);
    }

    /**
     * Tells every {@link DealSaved} follower about the deals just written, then deletes the write's note. A follower's
     * failure leaves the note for {@link #settlePending} and does not fail the save: the deal is stored.
     */
    private Mono<Void> followUp(WorkspaceId workspace, List<Deal> written, String note) {
        if (note.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(followers)
                .concatMap(follower -> follower.saved(workspace, written))
                .then(Mono.from(store.global(Collections.DEAL_FOLLOW_UPS).deleteOne(eq("_id", note))))
                .then()
                .onErrorResume(e -> {
                    log.warn("deals saved in workspace {}, but their follow-up failed and waits for the next sweep: {}",
                            workspace.value(), e.toString());
                    return Mono.empty();
                });
    }

    /**
     * Finishes the follow-ups a crash or a failing follower left (their notes are older than {@code notedBefore}, so
     * saves in flight finish on their own): every deal of the note's workspace written since the note goes to the
     * {@link DealSaved} followers again, {@value #FOLLOW_UP_BATCH} at a time, then the note goes. Notes of every
     * workspace (a global query); answers how many deals were handed over.
     */
    public Mono<Long> settlePending(java.time.Instant notedBefore) {
        if (followers.isEmpty()) {
            return Mono.just(0L);
        }
        return Flux.from(store.global(Collections.DEAL_FOLLOW_UPS).find(lt("since", Date.from(notedBefore))).sort(Sorts.ascending("since")))
                .concatMap(note -> {
                    WorkspaceId workspace = new WorkspaceId(note.getString(TenantCollection.WORKSPACE));
                    return deals(workspace).find(gte("updatedAt", note.getDate("since")), Sorts.ascending("_id"))
                            .map(Deals::toDeal)
                            .buffer(FOLLOW_UP_BATCH)
                            .concatMap(pending -> Flux.fromIterable(followers)
                                    .concatMap(follower -> follower.saved(workspace, pending))
                                    .then(Mono.just((long) pending.size())))
                            .reduce(0L, Long::sum)
                            .flatMap(n -> Mono.from(store.global(Collections.DEAL_FOLLOW_UPS).deleteOne(eq("_id", note.getString("_id"))))
                                    .thenReturn(n))
                            .onErrorResume(e -> {
                                log.warn("follow-up of deals of workspace {} saved since {} failed again; next sweep: {}",
                                        workspace.value(), note.getDate("since"), e.toString());
                                return Mono.just(0L);
                            });
                })
                .reduce(0L, Long::sum);
    }

    /**
     * The deals of this workspace closed on or after {@code from}, oldest first, streamed (no page limit): for
     * features that look back over recent deals, such as a new program enrolling them.
     */
    public Flux<Deal> closedSince(WorkspaceId workspace, LocalDate from) {
        return deals(workspace).find(gte("closeDate", from.toString()), Sorts.ascending("closeDate", "_id")).map(Deals::toDeal);
    }

    /** One page of the deals matching the filter, latest close date first. */
    public Mono<DealPage> list(WorkspaceId workspace, DealFilter filter, Integer page, Integer size) {
        return page(workspace, query(filter), DealPage.page(page), DealPage.size(size));
    }

    /** One page of those of the given deals that match the filter, as {@link #list}; no ids, no deals. */
    public Mono<DealPage> listAmong(WorkspaceId workspace, Collection<String> ids, DealFilter filter, Integer page, Integer size) {
        if (ids.isEmpty()) {
            return Mono.just(new DealPage(List.of(), 0, DealPage.page(page), DealPage.size(size)));
        }
        return page(workspace, and(in("_id", ids), query(filter)), DealPage.page(page), DealPage.size(size));
    }

    private Mono<DealPage> page(WorkspaceId workspace, Bson query, int page, int size) {
        TenantCollection deals = deals(workspace);
        return Mono.zip(
                        deals.find(query, Sorts.descending("closeDate", "_id"), page * size, size).map(Deals::toDeal).collectList(),
                        deals.count(query))
                .map(t -> new DealPage(t.getT1(), t.getT2(), page, size));
    }

    /** The deals with these ids that exist in this workspace, latest close date first. */
    public Flux<Deal> findAll(WorkspaceId workspace, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return deals(workspace).find(in("_id", ids), Sorts.descending("closeDate", "_id")).map(Deals::toDeal);
    }

    /** The deals of this workspace with these external ids (those that exist), for importers that name deals by them. */
    public Flux<Deal> findByExternalIds(WorkspaceId workspace, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Flux.empty();
        }
        TenantCollection deals = deals(workspace);
        return deals.find(in(EXTERNAL_KEY, externalIds.stream().map(deals::qualifiedKey).toList()), Sorts.ascending("_id"))
                .map(Deals::toDeal);
    }

    private static Bson query(DealFilter filter) {
        List<Bson> parts = new ArrayList<>();
        if (!filter.outcomes().isEmpty()) {
            parts.add(in("outcome", filter.outcomes().stream().map(Outcome::id).toList()));
        }
        if (filter.segment() != null) {
            parts.add(eq("segment", filter.segment()));
        }
        if (filter.account() != null) {
            parts.add(regex("account", Pattern.quote(filter.account()), "i"));
        }
        // close dates are stored as ISO strings, which sort and compare as dates
        if (filter.closedFrom() != null) {
            parts.add(gte("closeDate", filter.closedFrom().toString()));
        }
        if (filter.closedTo() != null) {
            parts.add(lte("closeDate", filter.closedTo().toString()));
        }
        return parts.isEmpty() ? new Document() : and(parts);
    }

    private static Document facts(NewDeal deal) {
        Document doc = new Document();
        if (deal.externalId() != null) {
            doc.append("externalId", deal.externalId());
        }
        return doc
                .append("account", deal.account())
                .append("name", deal.name())
                .append("outcome", deal.outcome().id())
                // as a plain decimal string: exact, and read back by toDeal
                .append("amount", deal.amount() == null ? null : deal.amount().toPlainString())
                .append("currency", deal.currency())
                .append("closeDate", iso(deal.closeDate()))
                .append("openDate", iso(deal.openDate()))
                .append("discount", deal.discount())
                .append("segment", deal.segment())
                .append("competitors", deal.competitors())
                .append("repReason", deal.repReason())
                .append("ownerEmail", deal.ownerEmail())
                .append("contacts", deal.contacts().stream()
                        .map(c -> new Document("name", c.name()).append("email", c.email()).append("role", c.role()))
                        .toList());
    }

    /** Sets every fact, nulls included, so an update replaces what the deal said before. */
    private static Bson setFacts(NewDeal deal) {
        Document facts = facts(deal);
        List<Bson> sets = new ArrayList<>();
        facts.forEach((field, value) -> sets.add(Updates.set(field, value)));
        if (deal.externalId() == null) {
            sets.add(Updates.unset("externalId"));
        }
        return Updates.combine(sets);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static boolean isDuplicateKey(Throwable e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoCommandException c && ErrorCategory.fromErrorCode(c.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    static Deal toDeal(Document doc) {
        List<Contact> contacts = doc.getList("contacts", Document.class, List.of()).stream()
                .map(c -> new Contact(c.getString("name"), c.getString("email"), c.getString("role")))
                .toList();
        Object amount = doc.get("amount");
        return new Deal(
                doc.getString("_id"),
                doc.getString("externalId"),
                doc.getString("account"),
                doc.getString("name"),
                Outcome.byId(doc.getString("outcome")).orElseThrow(),
                amount == null ? null : new BigDecimal(amount.toString()),
                doc.getString("currency"),
                date(doc.getString("closeDate")),
                date(doc.getString("openDate")),
                doc.getDouble("discount"),
                doc.getString("segment"),
                doc.getList("competitors", String.class, List.of()),
                doc.getString("repReason"),
                doc.getString("ownerEmail"),
                contacts,
                instant(doc.getDate("createdAt")),
                instant(doc.getDate("updatedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
