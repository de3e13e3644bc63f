package io.winloss.portal.survey;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.Conflict;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * The survey versions of a workspace. Versions are never changed once saved; {@code _id} is
 * workspace id plus version, so two admins saving at once cannot both create the same version.
 */
@Component
public class Surveys {

    static final Duration CURRENT_FOR = Duration.ofSeconds(1);

    private final Store store;
    private final Map<WorkspaceId, Mono<Survey>> current = new ConcurrentHashMap<>();

    Surveys(Store store) {
        this.store = store;
    }

    private TenantCollection surveys(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.SURVEYS);
    }

    /**
     * The version buyers are asked now: the latest saved one, or the default. Every survey page view and submission
     * asks, so the answer is kept for {@link #CURRENT_FOR}: a version saved through this process is current at once,
     * one saved through another process within that time (as if it had been saved a moment later).
     */
    public Mono<Survey> current(WorkspaceId workspace) {
        return current.computeIfAbsent(workspace, w -> latest(w).cache(survey -> CURRENT_FOR, e -> Duration.ZERO, () -> CURRENT_FOR));
    }

    private Mono<Survey> latest(WorkspaceId workspace) {
        return surveys(workspace).find(Filters.empty(), Sorts.descending("version"), 0, 1).next()
                .map(Surveys::toSurvey)
                .defaultIfEmpty(DefaultSurvey.SURVEY);
    }

    /** A given version, as a response recorded it; the default for 0 or an unknown version. */
    public Mono<Survey> version(WorkspaceId workspace, int version) {
        if (version == 0) {
            return Mono.just(DefaultSurvey.SURVEY);
        }
        return surveys(workspace).findOne(eq("version", version)).map(Surveys::toSurvey).defaultIfEmpty(DefaultSurvey.SURVEY);
    }

    /**
     * Saves the questions as the version after {@code basedOn}. Fails with {@link Conflict} when someone
     * saved that version first, so no edit silently replaces another.
     */
    public Mono<Survey> save(WorkspaceId workspace, int basedOn, List<Question> questions, String savedBy) {
        return Mono.defer(() -> {
            SurveyRules.check(questions);
            int version = basedOn + 1;
            Document doc = new Document("_id", workspace.value() + ":" + version)
                    .append("version", version)
                    .append("questions", questions.stream().map(Surveys::toDocument).toList())
                    .append("savedBy", savedBy)
                    .append("savedAt", Date.from(Instant.now()));
            return surveys(workspace).insert(doc)
                    .map(Surveys::toSurvey)
                    .doOnNext(saved -> current.remove(workspace))
                    .onErrorMap(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                            ? new Conflict("the survey was changed meanwhile; reload it and apply your edit again") : e);
        });
    }

    private static Document toDocument(Question q) {
        return new Document("id", q.id()).append("prompt", q.prompt()).append("type", q.type().id())
                .append("required", q.required())
                .append("choices", q.choices().stream().map(c -> new Document("value", c.value()).append("label", c.label())).toList());
    }

    private static Survey toSurvey(Document doc) {
        List<Question> questions = doc.getList("questions", Document.class, List.of()).stream()
                .map(q -> new Question(q.getString("id"), q.getString("prompt"),
                        QuestionType.byId(q.getString("type")).orElse(QuestionType.FREE_TEXT),
                        q.getBoolean("required", false),
                        q.getList("choices", Document.class, List.of()).stream()
                                .map(c -> new Choice(c.getString("value"), c.getString("label"))).toList()))
                .toList();
        return new Survey(doc.getInteger("version"), questions);
    }
}
