package io.winloss.portal.program;

import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.deal.Outcome;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The programs of a workspace as stored; what they do to deals is {@link ProgramEnrolment}'s and {@link ProgramSchedule}'s. */
@Component
class Programs {

    private final Store store;

    Programs(Store store) {
        this.store = store;
    }

    private TenantCollection programs(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.PROGRAMS);
    }

    Mono<Program> create(WorkspaceId workspace, NewProgram terms, String createdBy, Instant now) {
        Document doc = terms(terms).append("_id", new ObjectId().toHexString()).append("survey", Program.CURRENT_SURVEY)
                .append("active", true).append("createdBy", createdBy)
                .append("createdAt", Date.from(now)).append("updatedAt", Date.from(now));
        return programs(workspace).insert(doc).map(Programs::toProgram);
    }

    /** Replaces the program's terms (its survey choice and whether it runs stay); {@link NotFound} if it is not this workspace's. */
    Mono<Program> update(WorkspaceId workspace, String id, NewProgram terms, Instant now) {
        Document set = terms(terms).append("updatedAt", Date.from(now));
        List<Bson> updates = new java.util.ArrayList<>();
        set.forEach((field, value) -> updates.add(Updates.set(field, value)));
        return programs(workspace).findOneAndUpdate(eq("_id", id), Updates.combine(updates))
                .map(Programs::toProgram)
                .switchIfEmpty(Mono.error(() -> new NotFound("program")));
    }

    Mono<Program> setActive(WorkspaceId workspace, String id, boolean active, Instant now) {
        return programs(workspace).findOneAndUpdate(eq("_id", id),
                        Updates.combine(Updates.set("active", active), Updates.set("updatedAt", Date.from(now))))
                .map(Programs::toProgram)
                .switchIfEmpty(Mono.error(() -> new NotFound("program")));
    }

    /** The program, or {@link NotFound} when this workspace has none with this id. */
    Mono<Program> find(WorkspaceId workspace, String id) {
        return programs(workspace).findById(id).map(Programs::toProgram).switchIfEmpty(Mono.error(() -> new NotFound("program")));
    }

    /** The workspace's programs, oldest first. */
    Flux<Program> list(WorkspaceId workspace) {
        return programs(workspace).find(new Document(), Sorts.ascending("createdAt", "_id")).map(Programs::toProgram);
    }

    private static Document terms(NewProgram terms) {
        return new Document("name", terms.name())
                .append("outcomes", terms.scope().outcomes().stream().map(Outcome::id).toList())
                // as a plain decimal string, like a deal's amount: exact
                .append("minAmount", terms.scope().minAmount() == null ? null : terms.scope().minAmount().toPlainString())
                .append("segments", terms.scope().segments())
                .append("inviteAfterDays", terms.inviteAfterDays())
                .append("reminderAfterDays", terms.reminderAfterDays())
                .append("incentive", terms.incentive());
    }

    static Program toProgram(Document d) {
        Object minAmount = d.get("minAmount");
        Program.Scope scope = new Program.Scope(
                d.getList("outcomes", String.class, List.of()).stream().map(o -> Outcome.byId(o).orElseThrow()).toList(),
                minAmount == null ? null : new BigDecimal(minAmount.toString()),
                d.getList("segments", String.class, List.of()));
        List<Double> reminders = d.getList("reminderAfterDays", Number.class, List.of()).stream().map(Number::doubleValue).toList();
        return new Program(d.getString("_id"), new WorkspaceId(d.getString(TenantCollection.WORKSPACE)), d.getString("name"), scope,
                ((Number) d.get("inviteAfterDays")).doubleValue(), reminders, d.getString("incentive"),
                d.getString("survey"), d.getBoolean("active", true), instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
