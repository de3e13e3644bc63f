package io.winloss.portal.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import io.winloss.portal.PortalTest;
import io.winloss.portal.TestTenant;
import io.winloss.portal.invitation.SurveyFixture;
import io.winloss.portal.store.Store;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import reactor.core.publisher.Flux;

/**
 * A transcript file that no interview holds (its upload died between storing the file and recording the interview)
 * is deleted once it is older than the grace; files of interviews, and orphans young enough to be an upload still
 * under way, stay.
 */
@PortalTest
class OrphanTranscriptsTests {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    Workspaces workspaces;

    @Autowired
    Store store;

    @Autowired
    TranscriptFiles files;

    @Autowired
    Interviews interviews;

    private Flux<DataBuffer> text(String content) {
        return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void filesNoInterviewHoldsAreDeletedAfterTheGraceAndNoOthers() {
        WorkspaceId workspace = TestTenant.create(workspaces).workspace().id();
        String dealId = SurveyFixture.deal(store, workspace, "Initech");
        String orphan = files.store(workspace, "orphan.txt", text("Buyer: left behind by a crash.\n")).block(WAIT).fileId();
        Interview interview = interviews.upload(workspace, "ivy@example.com",
                new Interviews.Upload(dealId, "kept.txt", List.of("Ivy"), null), text("Ivy: Why?\nBuyer: The price.\n")).block(WAIT);
        OrphanTranscripts sweep = new OrphanTranscripts(store, files, true);

        assertThat(sweep.sweep(Instant.now()).block(WAIT)).as("nothing is older than the grace yet").isZero();
        assertThat(files.read(workspace, orphan).block(WAIT)).as("a young orphan may be an upload under way").isNotNull();

        assertThat(sweep.sweep(Instant.now().plus(OrphanTranscripts.GRACE).plusSeconds(60)).block(WAIT))
                .as("files deleted an hour on").isGreaterThanOrEqualTo(1);
        assertThat(files.read(workspace, orphan).blockOptional(WAIT)).as("the orphan is gone").isEmpty();
        assertThat(new String(interviews.file(workspace, interview).block(WAIT), StandardCharsets.UTF_8))
                .as("the interview's file stays").contains("The price.");
        assertThat(sweep.sweep(Instant.now().plus(OrphanTranscripts.GRACE).plusSeconds(60)).block(WAIT))
                .as("a second sweep finds nothing more of this test's").isZero();
    }
}
