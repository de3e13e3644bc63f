package io.winloss.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winloss.nlp.SharedPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-sentiment} cross-validates, then writes weights that have learned which way the lexicon points. */
class TrainSentimentCommandIT {

    @TempDir
    Path folder;

    @Test
    void crossValidatesAndWritesReadableWeights() throws IOException {
        List<String> lines = new ArrayList<>();
        String[][] sentences = {
                {"positive", "Honestly the rollout was great and the team loved it."},
                {"positive", "Your support people were excellent, every single time."},
                {"positive", "The reporting is fantastic, we finally trust the numbers."},
                {"positive", "It was easy to set up and the admins were happy."},
                {"positive", "Great product, great people, no regrets at all."},
                {"negative", "The dashboards were awful and kept timing out."},
                {"negative", "Their rep was pushy and the contract was a nightmare."},
                {"negative", "Support was terrible, we waited a week for an answer."},
                {"negative", "It was clunky and frustrating for the whole team."},
                {"negative", "Honestly the migration was a disaster."},
                {"neutral", "We looked at three vendors over about two months."},
                {"neutral", "I run the finance team for the northern region."},
                {"neutral", "The shortlist was you and one other vendor."},
                {"neutral", "We signed in March, after the board meeting."},
                {"neutral", "Procurement handled the paperwork."}};
        for (int i = 0; i < sentences.length; i++) {
            lines.add("{\"id\":\"t-" + i + "\",\"text\":\"" + sentences[i][1] + "\",\"competitors\":[],\"criteria\":[],\"sentiment\":\""
                    + sentences[i][0] + "\"}");
        }
        Path labelled = Files.write(folder.resolve("labelled.jsonl"), lines);
        Path weights = folder.resolve("weights.tsv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Main.run(new String[] {"train-sentiment", "--sigma", "1", "--out", weights.toString(), labelled.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), SharedPipeline::get);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("6-fold cross-validated accuracy", "trained on all 15 sentences");
        List<String> written = Files.readAllLines(weights);
        assertThat(written.get(0)).startsWith("#");
        double positiveLexicon = weight(written, "positive", "lexicon");
        double negativeLexicon = weight(written, "negative", "lexicon");
        assertThat(positiveLexicon).isGreaterThan(negativeLexicon);
    }

    @Test
    void withoutAnOutputFileItExplainsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(new String[] {"train-sentiment", "labelled.jsonl"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), SharedPipeline::get);

        assertThat(status).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("train-sentiment needs --out FILE");
    }

    private static double weight(List<String> lines, String label, String feature) {
        return lines.stream().map(l -> l.split("\t")).filter(f -> f.length == 3 && f[0].equals(label) && f[1].equals(feature))
                .mapToDouble(f -> Double.parseDouble(f[2])).findFirst().orElse(0);
    }
}
