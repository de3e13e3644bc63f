package io.winloss.portal.invitation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.winloss.nlp.TaggedSentence;
import io.winloss.nlp.tagging.CompetitorList;
import io.winloss.nlp.tagging.TaggingRules;
import io.winloss.portal.analysis.AnalysisTarget;
import io.winloss.portal.survey.Question;
import io.winloss.portal.survey.QuestionType;
import io.winloss.portal.survey.Surveys;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * How the workers analyse a buyer's answer sheet: each non-empty free-text answer is one buyer utterance,
 * tagged as a whole (its sentences merged), with the question's id as its speaker so the tags can be shown
 * beside the right answer.
 */
@Component
class ResponseAnalysis implements AnalysisTarget {

    static final String KIND = "response";

    private final Responses responses;
    private final Surveys surveys;

    ResponseAnalysis(Responses responses, Surveys surveys) {
        this.responses = responses;
        this.surveys = surveys;
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
        return responses.find(workspace, id).flatMap(response -> surveys.version(workspace, response.surveyVersion())
                .map(survey -> {
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
                        TaggingRules rules = TaggingRules.defaults().withCompetitors(CompetitorList.empty());
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
