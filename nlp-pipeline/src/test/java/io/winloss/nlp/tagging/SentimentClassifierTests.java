package io.winloss.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classifier learns from labelled features, keeps its weights through writing and reading, and rejects bad weight files. */
class SentimentClassifierTests {

    private static final SentimentLexicon LEXICON = SentimentLexicon.defaults();

    private static SentimentFeatures features(String tagged) {
        var tokens = Tokens.of(tagged);
        return SentimentFeatures.of(LEXICON, null, tokens, 0, tokens.size());
    }

    private static List<SentimentClassifier.Example> examples() {
        List<SentimentClassifier.Example> examples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            examples.add(new SentimentClassifier.Example(features("the/DT rollout/NN went/VBD smoothly/RB"), Sentiment.POSITIVE));
            examples.add(new SentimentClassifier.Example(features("the/DT dashboards/NNS took/VBD/take forever/RB"), Sentiment.NEGATIVE));
            examples.add(new SentimentClassifier.Example(features("we/PRP met/VBD/meet on/IN Tuesday/NNP"), Sentiment.NEUTRAL));
        }
        return examples;
    }

    @Test
    void learnsWordsTheLexiconDoesNotKnow() {
        SentimentClassifier classifier = SentimentClassifier.train(examples(), 3.0);

        assertThat(Sentiment.of(classifier.score(features("reports/NNS took/VBD/take forever/RB")))).isEqualTo(Sentiment.NEGATIVE);
        assertThat(Sentiment.of(classifier.score(features("it/PRP went/VBD smoothly/RB")))).isEqualTo(Sentiment.POSITIVE);
        assertThat(classifier.score(features("we/PRP met/VBD/meet"))).isBetween(-2.0, 2.0);
    }

    @Test
    void generalEnglishOpinionWordsCountWhereTheDomainLexiconIsSilent() {
        SentimentFeatures dreadful = features("the/DT weather/NN was/VBD/be dreadful/JJ");
        assertThat(dreadful.values().getCount(SentimentFeatures.LEXICON)).isZero();
        assertThat(dreadful.values().getCount(SentimentFeatures.GENERAL)).isNegative();
        assertThat(dreadful.values().getCount(SentimentFeatures.OPINIONS)).isEqualTo(1);

        SentimentFeatures fact = features("we/PRP run/VBP four/CD boats/NNS across/IN the/DT bay/NN");
        assertThat(fact.values().getCount(SentimentFeatures.GENERAL)).isZero();
        assertThat(fact.values().getCount(SentimentFeatures.OPINIONS)).isZero();
    }

    @Test
    void negationMarksTheWordsItCovers() {
        SentimentFeatures negated = features("it/PRP did/VBD/do n't/RB/not go/VB smoothly/RB");

        assertThat(negated.values().keySet()).contains("not_smoothly", "w_it", "b_go_smoothly").doesNotContain("w_smoothly");
    }

    @Test
    void namesAndNumbersAreNotFeatures() {
        assertThat(features("HubSpot/NNP quoted/VBD/quote 40/CD").values().keySet())
                .noneMatch(f -> f.contains("hubspot") || f.contains("40"));
    }

    @Test
    void writtenWeightsReadBackToTheSameScores() throws IOException {
        SentimentClassifier trained = SentimentClassifier.train(examples(), 3.0);
        StringWriter written = new StringWriter();
        trained.write(written);

        SentimentClassifier read = SentimentClassifier.read(new StringReader(written.toString()));

        SentimentFeatures sentence = features("the/DT dashboards/NNS went/VBD smoothly/RB");
        assertThat(read.score(sentence)).isCloseTo(trained.score(sentence), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(read.partScore(sentence)).isCloseTo(trained.partScore(sentence), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(written.toString()).contains("\n" + SentimentClassifier.PART + "negative\t");
        assertThat(written.toString().lines().skip(1)).allMatch(line -> line.split("\t").length == 3);
    }

    @Test
    void sentencesReadTheEmbeddingAndPartsDoNot() {
        float[] praise = {1, 0};
        float[] complaint = {0, 1};
        List<SentimentClassifier.Example> examples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            examples.add(new SentimentClassifier.Example(features("we/PRP met/VBD/meet them/PRP").withEmbedding(praise), Sentiment.POSITIVE));
            examples.add(new SentimentClassifier.Example(features("we/PRP met/VBD/meet them/PRP").withEmbedding(complaint), Sentiment.NEGATIVE));
        }
        SentimentClassifier classifier = SentimentClassifier.train(examples, 3.0);
        SentimentFeatures words = features("we/PRP met/VBD/meet them/PRP");

        assertThat(classifier.score(words.withEmbedding(praise))).isGreaterThan(0.5);
        assertThat(classifier.score(words.withEmbedding(complaint))).isLessThan(-0.5);
        assertThat(classifier.partScore(words.withEmbedding(praise))).as("the same words, whatever the embedding")
                .isCloseTo(classifier.partScore(words.withEmbedding(complaint)), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aBadWeightLineIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> SentimentClassifier.read(new StringReader("# weights\npositive\tw_good\n")))
                .isInstanceOf(InvalidTaggingRules.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> SentimentClassifier.read(new StringReader("glad\tw_good\t1.0\n")))
                .hasMessageContaining("line 1");
    }

    @Test
    void theShippedClassifierLoads() {
        SentimentClassifier shipped = SentimentClassifier.defaults();

        assertThat(shipped.partScore(features("it/PRP was/VBD/be great/JJ")))
                .isGreaterThan(shipped.partScore(features("it/PRP was/VBD/be awful/JJ")));
    }
}
