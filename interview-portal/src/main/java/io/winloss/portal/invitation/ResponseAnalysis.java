package io.winloss.portal.invitation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.winloss.nlp.TaggedSentence;
import io.winloss.nlp.tagging.TaggingRules;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisJob;
import io.winloss.portal.analysis.AnalysisJobs;
import io.winloss.portal.analysis.AnalysisTarget;
import io.winloss.portal.competitor.Competitors;
import io.winloss.portal.criteria.CriteriaRules;
import io.winloss.portal.survey.Question;
import io.winloss.portal.survey.QuestionType;
import io.winloss.portal.survey.Surveys;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * How the workers analyse a buyer's answer sheet: each non-empty free-text answer is one buyer utterance,
 * tagged as a whole (its sentences merged), with the question's id as its speaker so the tags can be shown
 * beside the right answer ({@link #tags}).
 */
@Component
class ResponseAnalysis implements AnalysisTarget {

    static final String KIND = "response";

    private final Responses responses;
    private final Surveys surveys;
    private final Competitors competitors;
    private final CriteriaRules criteria;
    private final AnalysisJobs jobs;
    private final Analyses analyses;

    ResponseAnalysis(Responses responses, Surveys surveys, Competitors competitors, CriteriaRules criteria,
            AnalysisJobs jobs, Analyses analyses) {
        this.responses = responses;
        this.surveys = surveys;
        this.competitors = competitors;
        this.criteria = criteria;
        this.jobs = jobs;
        this.analyses = analyses;
    }

    /** The reviewed tags of each analysed answer of the sheet, and whether its latest analysis is still running. */
    Mono<ResponseTags> tags(WorkspaceId workspace, String responseId) {
        String target = target(responseId);
        return Mono.zip(jobs.latest(workspace, target).map(job -> !job.status().finished()).defaultIfEmpty(false),
                analyses.read(workspace, target),
                ResponseTags::new);
    }

    @Override
    public Mono<Long> reanalyzeAll(WorkspaceId workspace) {
        return jobs.unfinished(workspace).map(AnalysisJob::target).collect(java.util.stream.Collectors.toSet())
                .flatMapMany(waiting -> responses.all(workspace).map(r -> target(r.id())).filter(t -> !waiting.contains(t)))
                .concatMap(t -> jobs.enqueue(workspace, t, java.time.Instant.now()))
                .count();
    }

    static String target(String responseId) {
        return KIND + ":" + responseId;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Input> load(WorkspaceId workspace, String id) {
        return responses.find(workspace, id).flatMap(response -> Mono.zip(
                        surveys.version(workspace, response.surveyVersion()), competitors.rules(workspace),
                        criteria.patterns(workspace))
                .map(loaded -> {
                    var survey = loaded.getT1();
                    List<String> questions = new ArrayList<>();
                    List<String> texts = new ArrayList<>();
                    for (Question question : survey.questions()) {
                        if (question.type() == QuestionType.FREE_TEXT
                                && response.answers().get(question.id()) instanceof String text && !text.isBlank()) {
                            questions.add(question.id());
                            texts.add(text);
                        }
                    }
                    return (Input) (pipeline, progress) -> {
                        if (texts.isEmpty()) {
                            return List.of();
                        }
                        TaggingRules rules = TaggingRules.defaults().withCompetitors(loaded.getT2()).withCriteria(loaded.getT3());
                        List<TaggedSentence> tagged = pipeline.get().analyzeUtterances(texts, rules);
                        List<TaggedSentence> answers = new ArrayList<>(tagged.size());
                        for (int i = 0; i < tagged.size(); i++) {
                            TaggedSentence t = tagged.get(i);
                            answers.add(new TaggedSentence(i, questions.get(i), t.role(), false, null, t.text(), t.tokens(),
                                    t.competitors(), t.candidateCompetitors(), t.criteria(), t.sentiment(), t.score(),
                                    t.aspects(), t.keyPhrases()));
                        }
                        progress.sentencesDone(answers.size(), answers.size());
                        return answers;
                    };
                }));
    }
}
