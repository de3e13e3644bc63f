package io.winloss.portal.invitation;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.PortalProperties;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.mail.MailBounced;
import io.winloss.portal.mail.MailSent;
import io.winloss.portal.mail.MailTemplates;
import io.winloss.portal.mail.OutgoingMail;
import io.winloss.portal.mail.Outbox;
import io.winloss.portal.secret.SecretToken;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invites buyers: an unguessable link (256 random bits, stored only as its hash) that expires, and the
 * invitation mail queued in the outbox together with it. Reminders carry fresh links to the same invitation
 * (hashes in {@code reminderTokens}), since the first link cannot be rebuilt from its hash. Buyers come back with
 * a token alone, so {@link #byToken} is the one lookup made before a workspace is known.
 */
@Component
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);
    private static final String DRAFT_SAVED = "draftSaved";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_INCENTIVE = 500;

    /** The new invitation and its link; the link is shown once and never stored in the invitation. */
    public record Created(Invitation invitation, String url) {
    }

    private final Store store;
    private final Deals deals;
    private final Outbox outbox;
    private final MailTemplates mailTemplates;
    private final PortalProperties properties;
    private final Drafts drafts;
    private final Clock clock = Clock.systemUTC();

    Invitations(Store store, Deals deals, Outbox outbox, MailTemplates mailTemplates, PortalProperties properties, Drafts drafts) {
        this.store = store;
        this.deals = deals;
        this.outbox = outbox;
        this.mailTemplates = mailTemplates;
        this.properties = properties;
        this.drafts = drafts;
    }

    private TenantCollection invitations(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.INVITATIONS);
    }

    /** Invites the buyer to answer for the deal, or {@code NotFound} when the deal is not in this workspace. */
    public Mono<Created> invite(WorkspaceId workspace, String dealId, String email, String incentive) {
        return Mono.defer(() -> {
            String to = email == null ? "" : email.trim();
            String thanks = incentive == null || incentive.isBlank() ? null : incentive.strip();
            validate(to, thanks);
            return deals.find(workspace, dealId).flatMap(deal -> {
                SecretToken token = SecretToken.generate("");
                Instant now = clock.instant();
                Instant expires = now.plus(Duration.ofDays(properties.invitationValidDays()));
                String id = new ObjectId().toHexString();
                Document doc = newInvitation(id, deal.id(), to, thanks, token, now, expires);
                String url = link(token.value(), "");
                return invitations(workspace).insert(doc)
                        .flatMap(saved -> outbox.queue(mail(workspace, id, to, thanks, token, expires))
                                // no transactions: an invitation whose mail could not be queued is withdrawn
                                .onErrorResume(e -> invitations(workspace).deleteOne(eq("_id", id)).then(Mono.error(e))))
                        .thenReturn(new Created(toInvitation(doc), url));
            });
        });
    }

    /**
     * Invites the buyer at most once under an id the caller chose (a program's invitation plan uses its own id), as
     * of {@code now}: the link expires {@code invitationValidDays} after it. Safe to call again after a crash at any
     * point: an invitation whose mail was queued is answered as it is (with a null {@code url}: its link cannot be
     * shown again), and one whose mail was not gets a fresh link (the first one reached nobody) and its mail. The
     * mail's outbox id derives from the invitation's, so it is queued once. {@code NotFound} when the deal is not in
     * this workspace, {@code InvalidInput} for a bad address.
     */
    public Mono<Created> invite(WorkspaceId workspace, String dealId, String email, String incentive, String invitationId, Instant now) {
        return Mono.defer(() -> {
            String to = email == null ? "" : email.trim();
            String thanks = incentive == null || incentive.isBlank() ? null : incentive.strip();
            validate(to, thanks);
            return deals.find(workspace, dealId).flatMap(deal -> invitations(workspace).findById(invitationId)
                    .flatMap(existing -> outbox.queued(workspace, invitationMailId(invitationId)).flatMap(queued -> queued
                            ? Mono.just(new Created(toInvitation(existing), null))
                            : mailWithFreshLink(workspace, toInvitation(existing))))
                    .switchIfEmpty(Mono.defer(() -> {
                        SecretToken token = SecretToken.generate("");
                        Instant expires = now.plus(Duration.ofDays(properties.invitationValidDays()));
                        Document doc = newInvitation(invitationId, deal.id(), to, thanks, token, now, expires);
                        return invitations(workspace).insert(doc)
                                .then(outbox.queueOnce(invitationMailId(invitationId), mail(workspace, invitationId, to, thanks, token, expires)))
                                .thenReturn(new Created(toInvitation(doc), link(token.value(), "")));
                    })));
        });
    }

    /** The invitation exists but its mail was never queued (a crash between the two): a new link, then the mail. */
    private Mono<Created> mailWithFreshLink(WorkspaceId workspace, Invitation invitation) {
        SecretToken token = SecretToken.generate("");
        return invitations(workspace).updateOne(eq("_id", invitation.id()), Updates.set("tokenHash", token.hash()))
                .then(outbox.queueOnce(invitationMailId(invitation.id()),
                        mail(workspace, invitation.id(), invitation.email(), invitation.incentive(), token, invitation.expiresAt())))
                .thenReturn(new Created(invitation, link(token.value(), "")));
    }

    private static String invitationMailId(String invitationId) {
        return invitationId + ":invitation";
    }

    /**
     * Queues reminder number {@code reminder} (1, 2, ...) of the invitation to the same buyer, at most once: its mail's
     * outbox id derives from the invitation and the number, so a retry after a crash finds it queued and answers
     * false. The reminder carries a fresh link (and opt-out link) to the same invitation, so it opens the same survey
     * and the same draft. Callers check first that the buyer has not answered, opted out or bounced and that the
     * invitation has not expired. {@code NotFound} when the invitation is gone.
     */
    public Mono<Boolean> remind(WorkspaceId workspace, String invitationId, int reminder, Instant now) {
        String mailId = invitationId + ":reminder:" + reminder;
        TenantCollection tokens = store.tenant(workspace, Collections.REMINDER_TOKENS);
        return outbox.queued(workspace, mailId).flatMap(queued -> queued ? Mono.just(false)
                : find(workspace, invitationId)
                        .switchIfEmpty(Mono.error(() -> new NotFound("invitation")))
                        .flatMap(invitation -> {
                            SecretToken token = SecretToken.generate("");
                            // a token a crash left without its mail reached nobody: it goes, the new one replaces it
                            return tokens.deleteMany(and(eq("invitationId", invitationId), eq("reminder", reminder)))
                                    .then(tokens.insert(new Document("_id", token.hash()).append("invitationId", invitationId)
                                            .append("reminder", reminder).append("createdAt", Date.from(now))))
                                    .then(outbox.queueOnce(mailId, reminderMail(workspace, invitation, token)));
                        }));
    }

    private OutgoingMail reminderMail(WorkspaceId workspace, Invitation invitation, SecretToken token) {
        String link = link(token.value(), "");
        Map<String, Object> vars = new HashMap<>();
        vars.put("link", link);
        vars.put("optOutLink", link(token.value(), "/opt-out"));
        vars.put("incentive", invitation.incentive());
        vars.put("expires", DateTimeFormatter.ISO_LOCAL_DATE.format(invitation.expiresAt().atZone(ZoneOffset.UTC)));
        MailTemplates.Bodies bodies = mailTemplates.render("reminder", vars);
        return new OutgoingMail(workspace, invitation.email(), "Reminder: a few questions about your recent purchase decision",
                bodies.html(), bodies.text(), invitation.id(), link);
    }

    /** Those of the invitations with these ids that are this workspace's, by id alone (the embedded store's id index). */
    public Flux<Invitation> findAll(WorkspaceId workspace, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return Flux.from(store.global(Collections.INVITATIONS).find(com.mongodb.client.model.Filters.in("_id", ids)))
                .filter(d -> workspace.value().equals(d.getString(TenantCollection.WORKSPACE)))
                .map(Invitations::toInvitation);
    }

    /** The invitation with this id if it is this workspace's. */
    public Mono<Invitation> find(WorkspaceId workspace, String id) {
        return invitations(workspace).findById(id).map(Invitations::toInvitation);
    }

    private static void validate(String email, String incentive) {
        List<FieldError> errors = new ArrayList<>();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (incentive != null && incentive.length() > MAX_INCENTIVE) {
            errors.add(new FieldError("incentive", "must be at most " + MAX_INCENTIVE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private OutgoingMail mail(WorkspaceId workspace, String invitationId, String to, String incentive, SecretToken token, Instant expires) {
        String link = link(token.value(), "");
        Map<String, Object> vars = new HashMap<>();
        vars.put("link", link);
        vars.put("optOutLink", link(token.value(), "/opt-out"));
        vars.put("incentive", incentive);
        vars.put("expires", DateTimeFormatter.ISO_LOCAL_DATE.format(expires.atZone(ZoneOffset.UTC)));
        MailTemplates.Bodies bodies = mailTemplates.render("invitation", vars);
        return new OutgoingMail(workspace, to, "A few questions about your recent purchase decision",
                bodies.html(), bodies.text(), invitationId, link);
    }

    private String link(String token, String suffix) {
        URI base = properties.baseUrl();
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return root + "/s/" + token + suffix;
    }

    /**
     * The invitation a buyer's link names, of whichever workspace (global: the token is all a buyer has).
     * Empty for an unknown or malformed token.
     */
    public Mono<Invitation> byToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Mono.empty();
        }
        String hash = SecretToken.hashOf(token);
        return Mono.from(store.global(Collections.INVITATIONS).find(eq("tokenHash", hash)).first())
                // a reminder's link: its token's hash is the id of its document, which names the invitation
                .switchIfEmpty(Mono.defer(() -> Mono.from(store.global(Collections.REMINDER_TOKENS).find(eq("_id", hash)).first())
                        .flatMap(reminder -> Mono.from(store.global(Collections.INVITATIONS)
                                        .find(eq("_id", reminder.getString("invitationId"))).first())
                                .filter(invitation -> invitation.getString(TenantCollection.WORKSPACE)
                                        .equals(reminder.getString(TenantCollection.WORKSPACE))))))
                .map(Invitations::toInvitation);
    }

    public Flux<Invitation> forDeal(WorkspaceId workspace, String dealId) {
        return invitations(workspace).find(eq("dealId", dealId), Sorts.descending("createdAt")).map(Invitations::toInvitation);
    }

    /**
     * Deletes the deal's invitations (the deal is being deleted; its responses went first): for each, its mail that
     * has not gone out is withdrawn, the buyer's draft and its reminders' links deleted, then the invitation itself,
     * whose link then answers 404. One invitation at a time, each last of its parts, so deleting again after a crash finishes the job.
     */
    public Mono<Long> deleteAllOf(WorkspaceId workspace, String dealId) {
        return forDeal(workspace, dealId)
                .concatMap(invitation -> outbox.withdraw(workspace, invitation.id())
                        .then(drafts.forget(workspace, invitation.id()))
                        .then(store.tenant(workspace, Collections.REMINDER_TOKENS).deleteMany(eq("invitationId", invitation.id())))
                        .then(invitations(workspace).deleteOne(eq("_id", invitation.id()))))
                .reduce(0L, Long::sum);
    }

    /**
     * Marks the invitation answered if it is not yet, by id: when its answers are deleted, the invitation stays
     * answered, so the buyer is not asked again.
     */
    Mono<Void> keepAnswered(WorkspaceId workspace, String invitationId) {
        return invitations(workspace).updateById(invitationId, Updates.min("answeredAt", Date.from(clock.instant()))).then();
    }

    /** Not waited for on disk: a page view must not queue behind commits, and a crash can cost only this timestamp. */
    Mono<Void> markOpened(Invitation invitation) {
        return invitation.openedAt() != null ? Mono.empty()
                : setOnce(invitations(invitation.workspace()).eventuallyDurable(), invitation, "openedAt");
    }

    /** Durable, always written (never skipped): the commit that acknowledges a buyer's answers, see Responses.record. */
    Mono<Void> markAnswered(Invitation invitation) {
        return setOnce(invitations(invitation.workspace()), invitation, "answeredAt");
    }

    /**
     * Notes that the buyer saved a draft, before the draft itself is written, so a view never skips a draft that
     * exists; written once, when the loaded invitation does not say so yet.
     */
    Mono<Void> markDraftSaved(Invitation invitation) {
        return invitation.mayHaveDraft() ? Mono.empty()
                : invitations(invitation.workspace()).updateReadById(invitation.id(), Updates.set(DRAFT_SAVED, true)).then();
    }

    /** Stops reminders; the buyer may still answer. */
    Mono<Void> optOut(Invitation invitation) {
        return invitation.optedOutAt() != null ? Mono.empty() : setOnce(invitations(invitation.workspace()), invitation, "optedOutAt");
    }

    /** Records the first time only; callers skip the write when the loaded invitation already has it (page views are hot). */
    private Mono<Void> setOnce(TenantCollection invitations, Invitation invitation, String field) {
        // $min keeps the earliest time: the first write sets it, later ones (a second tab, another process) change nothing
        return invitations.updateReadById(invitation.id(), Updates.min(field, Date.from(clock.instant()))).then();
    }

    @EventListener
    void mailSent(MailSent sent) {
        if (sent.invitationId() == null || sent.workspaceId() == null) {
            return;
        }
        invitations(new WorkspaceId(sent.workspaceId()))
                .updateById(sent.invitationId(), Updates.min("sentAt", Date.from(clock.instant())))
                .subscribe(n -> { }, e -> log.warn("could not record that invitation {} was sent: {}", sent.invitationId(), e.toString()));
    }

    /** Marks the invitation whose mail bounced: its buyer gets no reminders, and staff see the address is bad. */
    @EventListener
    void mailBounced(MailBounced bounced) {
        if (bounced.invitationId() == null || bounced.workspaceId() == null) {
            return;
        }
        invitations(new WorkspaceId(bounced.workspaceId()))
                .updateOne(and(eq("_id", bounced.invitationId()), eq("bouncedAt", null)),
                        Updates.combine(Updates.set("bouncedAt", Date.from(clock.instant())), Updates.set("bounceReason", bounced.reason())))
                .subscribe(n -> { }, e -> log.warn("could not record that invitation {} bounced: {}", bounced.invitationId(), e.toString()));
    }

    Instant now() {
        return clock.instant();
    }

    /** A new invitation's document; {@code draftSaved} false, so its views skip the draft lookup until the buyer saves one. */
    private static Document newInvitation(String id, String dealId, String email, String incentive, SecretToken token,
            Instant now, Instant expires) {
        return new Document("_id", id).append("dealId", dealId).append("email", email)
                .append("incentive", incentive).append("tokenHash", token.hash())
                .append("createdAt", Date.from(now)).append("expiresAt", Date.from(expires))
                .append(DRAFT_SAVED, false);
    }

    private static Invitation toInvitation(Document d) {
        return new Invitation(d.getString("_id"), new WorkspaceId(d.getString("workspaceId")), d.getString("dealId"),
                d.getString("email"), d.getString("incentive"), instant(d.getDate("createdAt")), instant(d.getDate("expiresAt")),
                instant(d.getDate("sentAt")), instant(d.getDate("openedAt")), instant(d.getDate("answeredAt")),
                instant(d.getDate("optedOutAt")), instant(d.getDate("bouncedAt")),
                // invitations stored before the field existed say nothing, and may have a draft
                !Boolean.FALSE.equals(d.getBoolean(DRAFT_SAVED)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
