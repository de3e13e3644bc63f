package io.winloss.portal.interview;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisJob;
import io.winloss.portal.analysis.AnalysisJobs;
import io.winloss.portal.insight.ChangeLog;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The interviews of a workspace: uploading a transcript queues its analysis; the one way to read or delete them.
 * Deleting writes the interview's parts first and the interview last, then logs the change (see {@link #delete}).
 */
@Component
public class Interviews {

    /** What an upload says about the file beyond its bytes. */
    public record Upload(String dealId, String fileName, List<String> interviewers, LocalDate interviewDate) {
    }

    private final Store store;
    private final TranscriptFiles files;
    private final AnalysisJobs jobs;
    private final Analyses analyses;
    private final ChangeLog changes;
    private final Clock clock = Clock.systemUTC();

    Interviews(Store store, TranscriptFiles files, AnalysisJobs jobs, Analyses analyses, ChangeLog changes) {
        this.store = store;
        this.files = files;
        this.jobs = jobs;
        this.analyses = analyses;
        this.changes = changes;
    }

    private TenantCollection interviews(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.INTERVIEWS);
    }

    /**
     * Stores the file as received, records the interview and queues its analysis. The caller has checked that
     * the uploader may see the deal. Answers once the file and the job are stored, long before analysis ends.
     */
    public Mono<Interview> upload(WorkspaceId workspace, String uploadedBy, Upload upload, reactor.core.publisher.Flux<DataBuffer> content) {
        String name = upload.fileName() == null || upload.fileName().isBlank() ? "transcript" : upload.fileName().strip();
        if (name.length() > 200) {
            return Mono.error(new InvalidInput("file", "the file name is longer than 200 characters"));
        }
        String id = new ObjectId().toHexString();
        Instant now = clock.instant();
        return files.store(workspace, name, content)
                .flatMap(stored -> {
                    if (stored.size() == 0) {
                        return files.delete(stored.fileId()).then(Mono.error(new InvalidInput("file", name + " is empty")));
                    }
                    return jobs.enqueue(workspace, Interview.target(id), now).flatMap(job -> interviews(workspace).insert(
                            new Document("_id", id).append("dealId", upload.dealId()).append("fileName", name)
                                    .append("fileId", stored.fileId()).append("size", stored.size())
                                    .append("interviewers", upload.interviewers())
                                    .append("interviewDate", upload.interviewDate() == null ? null : upload.interviewDate().toString())
                                    .append("uploadedBy", uploadedBy).append("uploadedAt", Date.from(now))
                                    .append("jobId", job.id())));
                })
                .map(Interviews::toInterview);
    }

    public Mono<Interview> find(WorkspaceId workspace, String id) {
        return interviews(workspace).findById(id).map(Interviews::toInterview)
                .switchIfEmpty(Mono.error(new NotFound("interview " + id)));
    }

    public Flux<Interview> forDeal(WorkspaceId workspace, String dealId) {
        return interviews(workspace).find(eq("dealId", dealId), Sorts.descending("uploadedAt")).map(Interviews::toInterview);
    }

    /** Every interview of the workspace, for re-analysis after the rules changed. */
    public Flux<Interview> all(WorkspaceId workspace) {
        return interviews(workspace).find(new Document(), Sorts.ascending("uploadedAt")).map(Interviews::toInterview);
    }

    /** The interview's latest analysis job. */
    public Mono<AnalysisJob> job(WorkspaceId workspace, Interview interview) {
        return jobs.find(workspace, interview.jobId());
    }

    /**
     * Queues a new analysis unless one is already queued or running (then that one stands); returns the job
     * that will bring the interview up to date.
     */
    public Mono<AnalysisJob> reanalyze(WorkspaceId workspace, Interview interview) {
        return job(workspace, interview)
                .filter(job -> !job.status().finished())
                .switchIfEmpty(Mono.defer(() -> jobs.enqueue(workspace, interview.target(), clock.instant())
                        // compare and set: of two requests at once, one job wins and the other is withdrawn
                        .flatMap(job -> interviews(workspace).updateOne(
                                        and(eq("_id", interview.id()), eq("jobId", interview.jobId())), Updates.set("jobId", job.id()))
                                .flatMap(changed -> changed == 1 ? Mono.just(job)
                                        : jobs.withdraw(workspace, job.id())
                                                .then(find(workspace, interview.id()))
                                                .flatMap(current -> job(workspace, current))))));
    }

    /**
     * Deletes the interview with its analysis jobs (withdrawn, even a running one), its tags and corrections and
     * its transcript file, or {@link NotFound} when there is no such interview (deleted before, or another
     * workspace's). MongoDB has no transactions here, so the order is what keeps it whole: the parts go first and
     * the interview last, so a crash midway leaves the interview in place and deleting it again finishes the job;
     * the change is logged only once everything is gone, so every process's quote index drops its sentences.
     */
    public Mono<Void> delete(WorkspaceId workspace, String id) {
        return find(workspace, id).flatMap(interview -> jobs.cancel(workspace, interview.target())
                .then(analyses.forget(workspace, interview.target()))
                .then(files.delete(interview.fileId()))
                .then(interviews(workspace).deleteOne(eq("_id", interview.id())))
                .then(changes.record(workspace, interview.target())))
                .then();
    }

    /** Deletes every interview of the deal as {@link #delete} does, one after another; answers how many. */
    public Mono<Long> deleteAllOf(WorkspaceId workspace, String dealId) {
        return forDeal(workspace, dealId)
                .concatMap(interview -> delete(workspace, interview.id()).onErrorResume(NotFound.class, e -> Mono.empty())
                        .thenReturn(interview))
                .count();
    }

    /** The file as uploaded. */
    Mono<byte[]> file(WorkspaceId workspace, Interview interview) {
        return files.read(workspace, interview.fileId());
    }

    private static Interview toInterview(Document d) {
        String date = d.getString("interviewDate");
        return new Interview(d.getString("_id"), d.getString("dealId"), d.getString("fileName"),
                d.get("size", Number.class).longValue(), d.getList("interviewers", String.class),
                date == null ? null : LocalDate.parse(date), d.getString("uploadedBy"),
                d.getDate("uploadedAt").toInstant(), d.getString("jobId"), d.getString("fileId"));
    }
}
