package io.winloss.portal.competitor;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Updates;

import io.winloss.nlp.tagging.CompetitorList;
import io.winloss.portal.account.Staff;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A workspace's competitor list, the one way other features read or change it. The list is one document whose
 * {@code version} grows with every change, so analyses can record which list tagged them.
 */
@Component
public class Competitors {

    private static final String ENTRIES = "entries";
    private static final String VERSION = "version";

    private final Store store;

    Competitors(Store store) {
        this.store = store;
    }

    private TenantCollection lists(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.COMPETITORS);
    }

    /** The list in the order the admin wrote it; empty when the workspace has none. */
    public Mono<List<CompetitorEntry>> list(WorkspaceId workspace) {
        return lists(workspace).findById(workspace.value()).map(Competitors::entries).defaultIfEmpty(List.of());
    }

    /** The list as the NLP pipeline's tagging rules. */
    public Mono<CompetitorList> rules(WorkspaceId workspace) {
        return list(workspace).map(entries -> CompetitorList.of(entries.stream()
                .map(e -> new CompetitorList.Competitor(e.name(), e.aliases()))
                .toList()));
    }

    /** How many times the list has changed; 0 when the workspace never had one. */
    public Mono<Long> version(WorkspaceId workspace) {
        return lists(workspace).findById(workspace.value()).map(Competitors::version).defaultIfEmpty(0L);
    }

    /**
     * Replaces the whole list, or throws {@link InvalidInput} naming each bad entry as {@code [i].name} or
     * {@code [i].aliases[j]} and changes nothing.
     */
    public Mono<Void> replace(WorkspaceId workspace, List<CompetitorEntry> entries, Staff by) {
        return Mono.fromCallable(() -> checked(entries, Competitors::apiField))
                .flatMap(valid -> lists(workspace).upsert(eq("_id", workspace.value()), Updates.combine(
                        Updates.set(ENTRIES, documents(valid)),
                        Updates.inc(VERSION, 1L),
                        Updates.set("updatedAt", new Date()),
                        Updates.set("updatedBy", by.email()))))
                .then();
    }

    /**
     * Adds a competitor with no aliases, unless the name is already a name or alias in the list (ignoring case).
     * Read and written with a version check, so an admin's concurrent change is never overwritten.
     */
    public Mono<Void> add(WorkspaceId workspace, String name, Staff by) {
        String wanted = name == null ? "" : name.strip();
        return lists(workspace).findById(workspace.value())
                .defaultIfEmpty(new Document(VERSION, 0L))
                .flatMap(doc -> {
                    List<CompetitorEntry> entries = entries(doc);
                    if (spells(entries, wanted)) {
                        return Mono.empty();
                    }
                    List<CompetitorEntry> added = new ArrayList<>(entries);
                    added.add(new CompetitorEntry(wanted, List.of()));
                    List<CompetitorEntry> valid = checked(added, (entry, part) -> "name");
                    return writeIfUnchanged(workspace, version(doc), valid, by);
                })
                // a concurrent change moved the version (or created the list first): read it again and retry
                .retryWhen(Retry.max(5).filter(Competitors::isDuplicateKey))
                .then();
    }

    private Mono<Document> writeIfUnchanged(WorkspaceId workspace, long expected, List<CompetitorEntry> entries, Staff by) {
        Bson filter = and(eq("_id", workspace.value()), eq(VERSION, expected));
        Bson update = Updates.combine(
                Updates.set(ENTRIES, documents(entries)),
                Updates.set(VERSION, expected + 1),
                Updates.set("updatedAt", new Date()),
                Updates.set("updatedBy", by.email()));
        // With no list yet the upsert creates it; with a moved version it collides with the existing _id.
        return lists(workspace).upsert(filter, update);
    }

    /** Field names for errors: {@code [entry].part}. */
    interface FieldNames {
        String of(int entry, String part);
    }

    private static String apiField(int entry, String part) {
        return "[" + entry + "]." + part;
    }

    /** The entries as stored, or {@link InvalidInput} with each problem named by {@code names}. */
    static List<CompetitorEntry> checked(List<CompetitorEntry> entries, FieldNames names) {
        CompetitorRules.Checked checked = CompetitorRules.check(entries == null ? List.of() : entries);
        if (!checked.problems().isEmpty()) {
            throw new InvalidInput(checked.problems().stream()
                    .map(p -> new FieldError(names.of(p.entry(), p.part()), p.message()))
                    .toList());
        }
        return checked.entries();
    }

    private static boolean spells(List<CompetitorEntry> entries, String spelling) {
        String key = spelling.toLowerCase(Locale.ROOT);
        return entries.stream().anyMatch(e -> e.name().toLowerCase(Locale.ROOT).equals(key)
                || e.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(key)));
    }

    private static List<Document> documents(List<CompetitorEntry> entries) {
        return entries.stream().map(e -> new Document("name", e.name()).append("aliases", e.aliases())).toList();
    }

    private static List<CompetitorEntry> entries(Document doc) {
        return doc.getList(ENTRIES, Document.class, List.of()).stream()
                .map(e -> new CompetitorEntry(e.getString("name"), e.getList("aliases", String.class, List.of())))
                .toList();
    }

    private static long version(Document doc) {
        Object version = doc.get(VERSION);
        return version instanceof Number n ? n.longValue() : 0L;
    }

    private static boolean isDuplicateKey(Throwable e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoCommandException c && ErrorCategory.fromErrorCode(c.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
