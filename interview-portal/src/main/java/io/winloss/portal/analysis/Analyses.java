package io.winloss.portal.analysis;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.web.NotFound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the machine found in each interview or answer sheet, and what people corrected. The machine's result is
 * replaced whole by each analysis (one document, so readers never see half of one); corrections live in their
 * own collection, keyed by sentence, and are laid over the machine's tags whenever sentences are read.
 */
@Component
public class Analyses {

    private final Store store;
    private final ChangeLog changes;

    Analyses(Store store, ChangeLog changes) {
        this.store = store;
        this.changes = changes;
    }

    /** Replaces the machine's tags of {@code target} with a new analysis. */
    Mono<Void> save(WorkspaceId workspace, String target, String jobId, List<AnalysedSentence> sentences, Instant at) {
        return store.tenant(workspace, Collections.ANALYSES).upsertByKey("key", target, Updates.combine(
                        Updates.set("target", target), Updates.set("jobId", jobId), Updates.set("analysedAt", Date.from(at)),
                        Updates.set("sentences", sentences.stream().map(AnalysedSentence::toDocument).toList())))
                .then(changes.record(workspace, target))
                .then();
    }

    /**
     * Deletes the machine's tags and people's corrections of {@code target}, whose interview or answer sheet is
     * being deleted. Logs no change: the owner logs one once the thing itself is gone, so the index drops it then.
     */
    public Mono<Void> forget(WorkspaceId workspace, String target) {
        return store.tenant(workspace, Collections.CORRECTIONS).deleteMany(eq("target", target))
                .then(store.tenant(workspace, Collections.ANALYSES).deleteMany(eq("target", target)))
                .then();
    }

    /** Every analysed target of the workspace ({@code interview:<id>}, {@code response:<id>}). */
    public Flux<String> targets(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.ANALYSES).find(new Document(), Sorts.ascending("target"))
                .map(d -> d.getString("target"));
    }

    /** The sentences of {@code target} with corrections applied, in order; empty until analysed. */
    public Mono<List<ReviewedSentence>> read(WorkspaceId workspace, String target) {
        return machine(workspace, target).zipWith(corrections(workspace, target), Analyses::review);
    }

    private Mono<List<AnalysedSentence>> machine(WorkspaceId workspace, String target) {
        return store.tenant(workspace, Collections.ANALYSES).findOne(eq("target", target))
                .map(d -> d.getList("sentences", Document.class).stream().map(AnalysedSentence::fromDocument).toList())
                .defaultIfEmpty(List.of());
    }

    private Mono<List<Correction>> corrections(WorkspaceId workspace, String target) {
        return store.tenant(workspace, Collections.CORRECTIONS).find(eq("target", target), Sorts.ascending("index"))
                .map(Analyses::toCorrection).collectList();
    }

    /**
     * Lays each correction on its sentence: the one at its index if the text is unchanged, else the first buyer
     * sentence with the same text that no other correction holds (a re-analysis may have split the conversation
     * differently). Corrections still in place are laid first, so one that moved never pushes another out. A
     * correction whose sentence is gone is kept in the store but shown nowhere; none lands on an interviewer's
     * sentence, which carries no tags.
     */
    static List<ReviewedSentence> review(List<AnalysedSentence> sentences, List<Correction> corrections) {
        Map<Integer, Correction> byIndex = new HashMap<>();
        List<Correction> moved = new ArrayList<>();
        for (Correction correction : corrections) {
            int at = correction.index();
            if (at >= 0 && at < sentences.size() && sentences.get(at).buyer() && sentences.get(at).text().equals(correction.text())) {
                byIndex.put(at, correction);
            } else {
                moved.add(correction);
            }
        }
        for (Correction correction : moved) {
            for (AnalysedSentence s : sentences) {
                if (s.buyer() && s.text().equals(correction.text()) && !byIndex.containsKey(s.index())) {
                    byIndex.put(s.index(), correction);
                    break;
                }
            }
        }
        List<ReviewedSentence> reviewed = new ArrayList<>(sentences.size());
        for (AnalysedSentence sentence : sentences) {
            reviewed.add(new ReviewedSentence(sentence, byIndex.get(sentence.index())));
        }
        return reviewed;
    }

    /**
     * Records a person's correction of sentence {@code index} of {@code target} and returns the sentence as
     * corrected. Only buyer sentences carry tags, so only they can be corrected.
     */
    public Mono<ReviewedSentence> correct(WorkspaceId workspace, String target, int index, Correction correction) {
        return read(workspace, target).flatMap(sentences -> {
            if (index < 0 || index >= sentences.size() || !sentences.get(index).machine().buyer()) {
                return Mono.error(new NotFound("buyer sentence " + index));
            }
            ReviewedSentence current = sentences.get(index);
            Correction merged = new Correction(index, current.machine().text(),
                    correction.competitors() != null ? correction.competitors() : current.corrected() ? current.correction().competitors() : null,
                    correction.criteria() != null ? correction.criteria() : current.corrected() ? current.correction().criteria() : null,
                    correction.sentiment() != null ? correction.sentiment() : current.corrected() ? current.correction().sentiment() : null,
                    correction.by(), correction.at());
            ReviewedSentence result = new ReviewedSentence(current.machine(), merged);
            Document history = new Document("by", merged.by()).append("at", Date.from(merged.at()))
                    .append("added", List.copyOf(result.added())).append("removed", List.copyOf(result.removed()))
                    .append("sentimentFrom", result.sentimentChanged() ? current.machine().sentiment() : null)
                    .append("sentimentTo", result.sentimentChanged() ? result.sentiment() : null);
            return store.tenant(workspace, Collections.CORRECTIONS).upsertByKey("key", target + "#" + index, Updates.combine(
                            Updates.set("target", target), Updates.set("index", index), Updates.set("text", merged.text()),
                            Updates.set("competitors", merged.competitors()), Updates.set("criteria", merged.criteria()),
                            Updates.set("sentiment", merged.sentiment()), Updates.set("by", merged.by()),
                            Updates.set("at", Date.from(merged.at())), Updates.set("added", history.get("added")),
                            Updates.set("removed", history.get("removed")), Updates.set("sentimentFrom", history.get("sentimentFrom")),
                            Updates.push("history", history)))
                    .then(changes.record(workspace, target))
                    .thenReturn(result);
        });
    }

    private static Correction toCorrection(Document d) {
        return new Correction(d.getInteger("index"), d.getString("text"), d.getList("competitors", String.class),
                d.getList("criteria", String.class), d.getString("sentiment"), d.getString("by"),
                d.getDate("at").toInstant());
    }
}
