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

/** {@code train-criteria} cross-validates rules against the model, then writes weights that learned a criterion the patterns miss. */
class TrainCriteriaCommandIT {

    @TempDir
    Path folder;

    @Test
    void crossValidatesAndWritesWeightsThatLearnedTheCriterion() throws IOException {
        String[][] sentences = {
                {"implementation", "The kickstart dragged on for weeks."},
                {"", "We met them on a Tuesday in the spring."},
                {"implementation", "Their kickstart crew was quick and organised."},
                {"", "I run the finance team for the northern region."},
                {"implementation", "Honestly the kickstart was the hard part."},
                {"", "The shortlist was you and one other vendor."},
                {"implementation", "A smooth kickstart is what sold the board."},
                {"", "We signed in March, after the board meeting."},
                {"implementation", "The kickstart took a month longer than planned."},
                {"", "Procurement handled the paperwork."}};
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < sentences.length; i++) {
                String criteria = sentences[i][0].isEmpty() ? "[]" : "[\"" + sentences[i][0] + "\"]";
                lines.add("{\"id\":\"t-" + round + i + "\",\"text\":\"" + sentences[i][1] + "\",\"competitors\":[],\"criteria\":" + criteria
                        + ",\"sentiment\":\"neutral\"}");
            }
        }
        Path labelled = Files.write(folder.resolve("labelled.jsonl"), lines);
        Path weights = folder.resolve("criteria-model.tsv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Main.run(new String[] {"train-criteria", "--sigma", "1", "--out", weights.toString(), labelled.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), SharedPipeline::get);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("6-fold cross-validated micro-F1", "rules alone", "implementation",
                "trained on all 20 sentences");
        List<String> written = Files.readAllLines(weights);
        assertThat(written.get(0)).startsWith("#");
        assertThat(weight(written, "implementation", "w_kickstart")).isPositive();
    }

    private static double weight(List<String> lines, String criterion, String feature) {
        return lines.stream().map(l -> l.split("\t")).filter(f -> f.length == 3 && f[0].equals(criterion) && f[1].equals(feature))
                .mapToDouble(f -> Double.parseDouble(f[2])).findFirst().orElse(0);
    }
}
