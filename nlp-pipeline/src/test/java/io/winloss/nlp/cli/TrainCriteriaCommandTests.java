package io.winloss.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winloss.nlp.Pipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-criteria} rejects bad input with one readable line, before it loads any model. */
class TrainCriteriaCommandTests {

    private static final Supplier<Pipeline> NO_PIPELINE = () -> {
        throw new AssertionError("bad input must be rejected before the models load");
    };

    @TempDir
    Path folder;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), NO_PIPELINE);
    }

    private String firstErrorLine() {
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void withoutAnOutputFileItExplainsUsage() {
        assertThat(run("train-criteria", "labelled.jsonl")).isEqualTo(Main.USAGE);
        assertThat(firstErrorLine()).isEqualTo("train-criteria needs --out FILE");
    }

    @Test
    void withoutLabelledFilesItExplainsUsage() {
        assertThat(run("train-criteria", "--out", "model.tsv")).isEqualTo(Main.USAGE);
        assertThat(firstErrorLine()).isEqualTo("train-criteria needs at least one labelled JSON Lines file");
    }

    @Test
    void aSigmaThatIsNotAPositiveNumberIsRefused() {
        assertThat(run("train-criteria", "--out", "m.tsv", "--sigma", "lots", "a.jsonl")).isEqualTo(Main.USAGE);
        assertThat(firstErrorLine()).isEqualTo("--sigma must be a number");
        err.reset();
        assertThat(run("train-criteria", "--out", "m.tsv", "--sigma", "-1", "a.jsonl")).isEqualTo(Main.USAGE);
        assertThat(firstErrorLine()).isEqualTo("--sigma must be a positive number");
    }

    @Test
    void aMissingFileExitsWithStatusTwoAndOneReason() {
        Path missing = folder.resolve("missing.jsonl");

        assertThat(run("train-criteria", "--out", folder.resolve("m.tsv").toString(), missing.toString())).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        assertThat(firstErrorLine()).startsWith("cannot read " + missing);
    }

    @Test
    void anUnknownCriterionLabelNamesItsSentence() throws IOException {
        Path labelled = Files.writeString(folder.resolve("labelled.jsonl"),
                "{\"id\":\"x-1\",\"text\":\"The price.\",\"competitors\":[],\"criteria\":[\"vibes\"],\"sentiment\":\"neutral\"}\n");

        assertThat(run("train-criteria", "--out", folder.resolve("m.tsv").toString(), labelled.toString())).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(labelled + ": x-1: unknown criterion 'vibes'");
    }

    @Test
    void tooFewSentencesForTheFoldsAreRefused() throws IOException {
        Path labelled = Files.writeString(folder.resolve("labelled.jsonl"),
                "{\"id\":\"x-1\",\"text\":\"The price.\",\"competitors\":[],\"criteria\":[\"price\"],\"sentiment\":\"neutral\"}\n");

        assertThat(run("train-criteria", "--out", folder.resolve("m.tsv").toString(), labelled.toString())).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("train-criteria needs at least one labelled sentence in each of its 6 folds, found 1 sentences");
    }

    @Test
    void foldsThatAreNeitherANumberNorFilesAreRefused() throws IOException {
        Path labelled = Files.writeString(folder.resolve("labelled.jsonl"),
                "{\"id\":\"x-1\",\"text\":\"The price.\",\"competitors\":[],\"criteria\":[\"price\"],\"sentiment\":\"neutral\"}\n");

        assertThat(run("train-criteria", "--out", "m.tsv", "--folds", "writers", labelled.toString())).isEqualTo(Main.USAGE);
        assertThat(firstErrorLine()).isEqualTo("--folds must be a number of folds or 'files'");
        err.reset();
        assertThat(run("train-criteria", "--out", "m.tsv", "--folds", "1", labelled.toString())).isEqualTo(Main.USAGE);
        assertThat(firstErrorLine()).isEqualTo("--folds must be at least 2");
    }
}
