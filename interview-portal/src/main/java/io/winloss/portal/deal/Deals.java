package io.winloss.portal.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/** The deals of a workspace: the one way other features read or change deals. */
@Component
public class Deals {

    private final Store store;

    Deals(Store store) {
        this.store = store;
    }

    private TenantCollection deals(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.DEALS);
    }

    /** The deal, or {@link NotFound} if it does not exist in this workspace. */
    public Mono<Deal> find(WorkspaceId workspace, String id) {
        return deals(workspace).findById(id).map(Deals::toDeal).switchIfEmpty(Mono.error(() -> new NotFound("deal")));
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
                doc.getDate("createdAt").toInstant(),
                doc.getDate("updatedAt").toInstant());
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
