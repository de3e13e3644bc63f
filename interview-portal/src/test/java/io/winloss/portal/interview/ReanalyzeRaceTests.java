package io.winloss.portal.interview;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;

import io.winloss.portal.PortalTest;
import io.winloss.portal.analysis.AnalysisJob;
import io.winloss.portal.analysis.AnalysisJobs;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Several re-analysis requests at once queue one job. Runs on a database of its own, where no worker claims
 * anything, so the race is between the requests alone.
 */
@PortalTest
class ReanalyzeRaceTests {

    @Autowired
    MongoClient client;

    /** Of the shared database: the race never deletes, so they are never asked. */
    @Autowired
    io.winloss.portal.analysis.Analyses analyses;

    @Autowired
    io.winloss.portal.insight.ChangeLog changes;

    @Test
    void requestsAtOnceQueueOneJob() {
        Store store = new Store(client.getDatabase("race-" + UUID.randomUUID()));
        AnalysisJobs jobs = new AnalysisJobs(store);
        Interviews interviews = new Interviews(store, new TranscriptFiles(store), jobs, analyses, changes);
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID().toString());
        Interview interview = interviews.upload(workspace, "analyst@example.test",
                new Interviews.Upload("deal", "call.txt", List.of(), null),
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("Ann: hello".getBytes()))).block(Duration.ofSeconds(10));
        Mono.from(store.global(Collections.ANALYSIS_JOBS).updateOne(eq("_id", interview.jobId()),
                Updates.set("status", "done"))).block(Duration.ofSeconds(10));

        List<AnalysisJob> answered = Flux.range(0, 8)
                .flatMap(i -> interviews.reanalyze(workspace, interview).subscribeOn(Schedulers.parallel()), 8)
                .collectList().block(Duration.ofSeconds(30));

        long queued = Mono.from(store.global(Collections.ANALYSIS_JOBS).countDocuments(eq("status", "queued"))).block();
        assertThat(queued).isEqualTo(1);
        assertThat(answered).extracting(AnalysisJob::id).containsOnly(interviews.find(workspace, interview.id()).block().jobId());
    }
}
