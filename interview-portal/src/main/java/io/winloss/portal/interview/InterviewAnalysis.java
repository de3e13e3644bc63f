package io.winloss.portal.interview;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.winloss.nlp.tagging.CompetitorList;
import io.winloss.nlp.tagging.TaggingRules;
import io.winloss.nlp.transcript.Transcript;
import io.winloss.nlp.transcript.TranscriptReader;
import io.winloss.nlp.transcript.UnreadableTranscript;
import io.winloss.portal.analysis.AnalysisTarget;
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

    InterviewAnalysis(Interviews interviews) {
        this.interviews = interviews;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Input> load(WorkspaceId workspace, String id) {
        return interviews.find(workspace, id).onErrorResume(io.winloss.portal.web.NotFound.class, e -> Mono.empty())
                .flatMap(interview -> interviews.file(workspace, id).map(bytes -> (Input) (pipeline, progress) -> {
                    Transcript transcript;
                    try {
                        transcript = TranscriptReader.read(new ByteArrayInputStream(bytes), interview.fileName(),
                                Optional.empty(), interview.interviewers());
                    } catch (UnreadableTranscript e) {
                        throw new Unanalysable(e.getMessage(), e);
                    }
                    TaggingRules rules = TaggingRules.defaults().withCompetitors(CompetitorList.empty());
                    return pipeline.get().analyze(transcript, rules, progress);
                }));
    }
}
