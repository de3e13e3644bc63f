package io.winloss.portal.share;

import static com.mongodb.client.model.Filters.eq;

import java.net.URI;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.secret.SecretToken;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The workspace's shared themes reports. A report's link carries 256 random bits stored only as their hash, as
 * invitations do, so the link is shown once, to whoever shares it; revoking deletes the report, and its link then
 * answers 404. Readers come with the token alone, so {@link #byToken} is the one lookup made before a workspace is
 * known.
 */
@Component
class SharedReports {

    /** A new report and its link, shown once and never stored. */
    record Created(SharedReport report, String url) {
    }

    private final Store store;
    private final PortalProperties properties;

    SharedReports(Store store, PortalProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    private TenantCollection reports(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.SHARED_REPORTS);
    }

    /** Stores the report, shared by {@code sharedBy} at {@code now}, and answers it with its link. */
    Mono<Created> share(WorkspaceId workspace, String sharedBy, ReportRequest.Valid request, Instant now) {
        return Mono.defer(() -> {
            SecretToken token = SecretToken.generate("");
            Document doc = new Document("_id", new ObjectId().toHexString()).append("title", request.title())
                    .append("tokenHash", token.hash()).append("filters", request.filters().toDocument())
                    .append("createdAt", Date.from(now)).append("expiresAt", Date.from(request.expiresAt()))
                    .append("sharedBy", sharedBy);
            return reports(workspace).insert(doc).map(saved -> new Created(toReport(saved), link(token)));
        });
    }

    /** The workspace's reports, latest first; expired ones too, until someone revokes them. */
    Flux<SharedReport> list(WorkspaceId workspace) {
        return reports(workspace).find(new Document(), Sorts.descending("createdAt")).map(SharedReports::toReport);
    }

    /** Deletes the report, so its link answers 404; {@link NotFound} when it is not this workspace's. */
    Mono<Void> revoke(WorkspaceId workspace, String id) {
        return reports(workspace).deleteOne(eq("_id", id))
                .flatMap(deleted -> deleted == 0 ? Mono.error(new NotFound("report")) : Mono.<Void>empty());
    }

    /** The report a link names, of whichever workspace; empty for an unknown, revoked or malformed token. */
    Mono<SharedReport> byToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Mono.empty();
        }
        return Mono.from(store.global(Collections.SHARED_REPORTS).find(eq("tokenHash", SecretToken.hashOf(token))).first())
                .map(SharedReports::toReport);
    }

    private String link(SecretToken token) {
        URI base = properties.baseUrl();
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return root + "/r/" + token.value();
    }

    private static SharedReport toReport(Document d) {
        return new SharedReport(d.getString("_id"), new WorkspaceId(d.getString(TenantCollection.WORKSPACE)),
                d.getString("title"), ReportFilters.fromDocument(d.get("filters", Document.class)),
                d.getDate("createdAt").toInstant(), d.getDate("expiresAt").toInstant(), d.getString("sharedBy"));
    }
}
