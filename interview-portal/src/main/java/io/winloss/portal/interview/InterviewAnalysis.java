package io.winloss.portal.interview;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.winloss.nlp.tagging.TaggingRules;
import io.winloss.nlp.transcript.Transcript;
import io.winloss.nlp.transcript.TranscriptReader;
import io.winloss.nlp.transcript.UnreadableTranscript;
import io.winloss.portal.analysis.AnalysisTarget;
import io.winloss.portal.competitor.Competitors;
import io.winloss.portal.criteria.CriteriaRules;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * How the workers analyse an interview: the stored file is read as a transcript (an unreadable file fails the
 * job at once with the reader's reason) and every sentence goes through the pipeline with the workspace's rules.
 */
@Component
class InterviewAnalysis implements AnalysisTarget {

    static final String KIND = "interview";

    private final Interviews interviews;
    private final Competitors competitors;
    private final CriteriaRules criteria;

    InterviewAnalysis(Interviews interviews, Competitors competitors, CriteriaRules criteria) {
        this.interviews = interviews;
        this.competitors = competitors;
        this.criteria = criteria;
    }

    @Override
    public Mono<Long> reanalyzeAll(WorkspaceId workspace) {
        // an interview whose job is still waiting keeps that job, and is not counted as queued
        return interviews.all(workspace)
                .concatMap(i -> interviews.reanalyze(workspace, i).filter(job -> !job.id().equals(i.jobId())))
                .count();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Input> load(WorkspaceId workspace, String id) {
        return loaded(workspace, id).map(loaded -> (Input) (pipeline, progress) -> {
            Transcript transcript = loaded.transcript();
            return pipeline.get().analyze(transcript, loaded.rules(), progress);
        });
    }

    /** What a worker loads for one interview: the stored file and the workspace's tagging rules; empty when it is gone. */
    Mono<Loaded> loaded(WorkspaceId workspace, String id) {
        return interviews.find(workspace, id).onErrorResume(io.winloss.portal.web.NotFound.class, e -> Mono.empty())
                .flatMap(interview -> Mono.zip(interviews.file(workspace, interview), competitors.rules(workspace),
                                criteria.patterns(workspace))
                        .map(loaded -> new Loaded(interview, loaded.getT1(),
                                TaggingRules.defaults().withCompetitors(loaded.getT2()).withCriteria(loaded.getT3()))));
    }

    /** An interview's file and rules, loaded; the worker reads the transcript off the event loop. */
    record Loaded(Interview interview, byte[] file, TaggingRules rules) {

        /**
         * The file read as a transcript, its format found from its content whatever its name (the name only breaks
         * ties), with the reader's limits (size, line length, DOCX expansion); blocks. An unreadable file is
         * {@link Unanalysable}: its job fails at once with the reader's reason.
         */
        Transcript transcript() throws Unanalysable, java.io.IOException {
            try {
                return TranscriptReader.read(new ByteArrayInputStream(file), interview.fileName(), Optional.empty(),
                        interview.interviewers());
            } catch (UnreadableTranscript e) {
                throw new Unanalysable(e.getMessage(), e);
            }
        }
    }
}
