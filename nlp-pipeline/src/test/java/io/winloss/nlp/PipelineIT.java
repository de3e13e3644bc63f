package io.winloss.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.winloss.nlp.tagging.Aspect;
import io.winloss.nlp.tagging.CompetitorList;
import io.winloss.nlp.tagging.Criterion;
import io.winloss.nlp.tagging.Sentiment;
import io.winloss.nlp.tagging.TaggingRules;
import io.winloss.nlp.transcript.Role;
import io.winloss.nlp.transcript.Transcript;
import io.winloss.nlp.transcript.Turn;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Tagging behaviour on written examples, with the real CoreNLP models. */
class PipelineIT {

    private final Pipeline pipeline = SharedPipeline.get();
    private final TaggingRules rules = TaggingRules.defaults().withCompetitors(CompetitorList.parse("""
            Salesforce: SFDC, Sales Cloud
            HubSpot
            Gong
            Close
            Sage: Sage Intacct
            Snowflake
            """));

    private static Transcript interview(String... lines) {
        List<Turn> turns = java.util.Arrays.stream(lines).map(line -> {
            boolean interviewer = line.startsWith("Q: ");
            return new Turn(interviewer ? "Dana" : "Marcus", interviewer ? Role.INTERVIEWER : Role.BUYER, null, line.substring(3));
        }).toList();
        return new Transcript(turns, false);
    }

    private TaggedSentence only(String buyerSentence) {
        return pipeline.analyzeUtterances(List.of(buyerSentence), rules).get(0);
    }

    @Test
    void interviewerSpeechCarriesNoTags() {
        List<TaggedSentence> sentences = pipeline.analyze(interview(
                "Q: Was Salesforce too expensive for you?",
                "A: Yes, Salesforce was far too expensive."), rules, Progress.NONE);
        assertThat(sentences).hasSize(2);
        TaggedSentence question = sentences.get(0);
        assertThat(question.role()).isEqualTo(Role.INTERVIEWER);
        assertThat(question.competitors()).isEmpty();
        assertThat(question.criteria()).isEmpty();
        assertThat(question.sentiment()).isNull();
        assertThat(question.tagged()).isFalse();
        TaggedSentence answer = sentences.get(1);
        assertThat(answer.competitors()).containsExactly("Salesforce");
        assertThat(answer.criteria()).containsExactly(Criterion.PRICE);
    }

    @Test
    void contrastGivesEachAspectItsOwnSentiment() {
        TaggedSentence sentence = only("HubSpot's integration was great but the price hurt.");
        assertThat(sentence.criteria()).containsExactlyInAnyOrder(Criterion.INTEGRATION, Criterion.PRICE);
        assertThat(sentence.aspects()).extracting(Aspect::target, Aspect::sentiment).contains(
                org.assertj.core.groups.Tuple.tuple("integration", Sentiment.POSITIVE),
                org.assertj.core.groups.Tuple.tuple("price", Sentiment.NEGATIVE),
                org.assertj.core.groups.Tuple.tuple("HubSpot", Sentiment.POSITIVE));
    }

    @Test
    void competitorsAreFoundByAliasPossessiveAndPluralButNotInOrdinaryWords() {
        TaggedSentence sentence = only("We had a close look at SFDC, and the Gongs and HubSpot's of this world.");
        assertThat(sentence.competitors()).containsExactly("Salesforce", "Gong", "HubSpot");
        assertThat(only("We went with Close in the end.").competitors()).containsExactly("Close");
    }

    @Test
    void namesThatAreDictionaryWordsCountOnlyWhenWrittenAsNames() {
        assertThat(only("Our chef grows thyme and sage, and every snowflake in winter hurts the crop.").competitors()).isEmpty();
        assertThat(only("Sage was cheaper, and our finance lead liked Snowflake.").competitors()).containsExactly("Sage", "Snowflake");
    }

    @Test
    void organisationsMissingFromTheListAreCandidates() {
        TaggedSentence sentence = only("In the end Oracle and Salesforce were the only other bidders.");
        assertThat(sentence.competitors()).containsExactly("Salesforce");
        assertThat(sentence.candidateCompetitors()).contains("Oracle").doesNotContain("Salesforce");
    }

    @Test
    void negationKeepsTheCriterionAndChangesTheSentiment() {
        TaggedSentence praise = only("Your support team was fantastic, really responsive.");
        TaggedSentence complaint = only("Your support team was terrible, we never heard back.");
        assertThat(praise.criteria()).contains(Criterion.SUPPORT);
        assertThat(complaint.criteria()).contains(Criterion.SUPPORT);
        assertThat(praise.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(complaint.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(only("Honestly it was not about price at all.").criteria()).containsExactly(Criterion.PRICE);
    }

    @Test
    void everyUtteranceGivesExactlyOneResultInOrder() {
        List<TaggedSentence> results = pipeline.analyzeUtterances(List.of(
                "The price was too high. The contract was worse.", "", "Support was great."), rules);
        assertThat(results).hasSize(3);
        assertThat(results.get(0).criteria()).containsExactlyInAnyOrder(Criterion.PRICE, Criterion.CONTRACT_TERMS);
        assertThat(results.get(1).text()).isEmpty();
        assertThat(results.get(1).criteria()).isEmpty();
        assertThat(results.get(2).criteria()).containsExactly(Criterion.SUPPORT);
        assertThat(results).allSatisfy(r -> assertThat(r.score()).isBetween(-2.0, 2.0));
    }

    @Test
    void keyPhrasesNameThemesTheCriteriaDoNot() {
        assertThat(only("The audit logs were missing custom fields.").keyPhrases()).contains("audit log", "custom field");
    }

    @Test
    void progressCountsEveryBuyerSentence() {
        List<int[]> reports = new CopyOnWriteArrayList<>();
        pipeline.analyze(interview("Q: Why?", "A: Price. Then support. Then timing."), rules,
                (done, total) -> reports.add(new int[] {done, total}));
        assertThat(reports).hasSize(3);
        assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(3));
        assertThat(reports.stream().mapToInt(r -> r[0]).max().orElse(0)).isEqualTo(3);
    }

    @Test
    void callersOnManyThreadsGetTheSameTagsAsOne() throws Exception {
        Transcript transcript = interview("A: Salesforce was cheaper.", "A: HubSpot's onboarding took months.",
                "A: The security review with Gong was painless.");
        List<TaggedSentence> alone = pipeline.analyze(transcript, rules, Progress.NONE);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TaggedSentence>>> together = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                together.add(callers.submit(() -> pipeline.analyze(transcript, rules, Progress.NONE)));
            }
            for (Future<List<TaggedSentence>> result : together) {
                assertThat(result.get()).isEqualTo(alone);
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
