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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code analyze} command as API.md specifies it: JSON Lines out, the summary last on stderr, exit 2 for unreadable input. */
class AnalyzeCommandIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path INTERVIEW = Path.of("src/test/resources/interviews/lost-to-hubspot.txt");
    private static final Path COMPETITORS = Path.of("src/test/resources/interviews/competitors.txt");

    @TempDir
    Path folder;

    private record Result(int status, List<JsonNode> lines, List<String> errors) {
    }

    private static Result analyze(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = new String[args.length + 1];
        command[0] = "analyze";
        System.arraycopy(args, 0, command, 1, args.length);
        int status = Main.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), SharedPipeline::get);
        List<JsonNode> lines = new ArrayList<>();
        out.toString(StandardCharsets.UTF_8).lines().forEach(l -> lines.add(JSON.readTree(l)));
        return new Result(status, lines, err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void writesOneSentenceObjectPerSentenceInOrder() {
        Result result = analyze("--competitors", COMPETITORS.toString(), "--interviewer", "Priya Raman", INTERVIEW.toString());
        assertThat(result.status()).isZero();
        assertThat(result.lines()).as("the first question is two sentences").hasSize(9);
        JsonNode first = result.lines().get(0);
        assertThat(first.get("role").asString()).isEqualTo("interviewer");
        assertThat(first.get("criteria")).isEmpty();
        JsonNode hubspot = result.lines().get(2);
        assertThat(hubspot.get("speaker").asString()).isEqualTo("Tom Becker");
        assertThat(hubspot.get("role").asString()).isEqualTo("buyer");
        assertThat(hubspot.get("competitors").toString()).isEqualTo("[\"HubSpot\"]");
        // The fifth round's model missed integration here (0.22 against its threshold 0.25); the sixth round's, which
        // reads the sentence's embedding, tags both again (README "Evaluation").
        assertThat(hubspot.get("criteria").toString()).contains("integration", "price");
        assertThat(hubspot.get("sentiment").asString()).isIn("positive", "neutral", "negative");
        assertThat(hubspot.get("score").asDouble()).isBetween(-2.0, 2.0);
        assertThat(hubspot.get("aspects").get(0).get("kind").asString()).isEqualTo("competitor");
        assertThat(result.lines().get(3).get("competitors").toString()).isEqualTo("[\"Salesforce\"]");
        assertThat(result.lines().get(6).get("candidateCompetitors").toString()).contains("Acme Logistics");
        assertThat(result.errors().get(result.errors().size() - 1))
                .matches("analyzed 9 sentences, \\d+ tokens in \\d+\\.\\d s \\(model load \\d+\\.\\d s\\)");
    }

    @Test
    void withoutInterviewerNamesRolesAreInferredAndSaidSo() {
        Result result = analyze(INTERVIEW.toString());
        assertThat(result.status()).isZero();
        assertThat(result.lines().get(0).get("role").asString()).isEqualTo("interviewer");
        assertThat(result.lines().get(0).get("roleInferred").asBoolean()).isTrue();
        assertThat(result.lines().get(2).get("role").asString()).isEqualTo("buyer");
        assertThat(result.errors()).anyMatch(line -> line.contains("roles inferred") && line.contains("Priya Raman"));
    }

    @Test
    void linesFormatGivesExactlyOneObjectPerInputLine() throws IOException {
        Path answers = folder.resolve("answers.txt");
        Files.writeString(answers, "Too expensive. And the contract was rigid.\n\nSupport was great\n");
        Result result = analyze("--format", "lines", answers.toString());
        assertThat(result.status()).isZero();
        assertThat(result.lines()).hasSize(3);
        assertThat(result.lines().get(0).get("criteria").toString()).contains("price", "contract_terms");
        assertThat(result.lines().get(1).get("text").asString()).isEmpty();
        assertThat(result.lines().get(2).get("criteria").toString()).isEqualTo("[\"support\"]");
        assertThat(result.errors().get(result.errors().size() - 1)).startsWith("analyzed 3 sentences");
    }

    @Test
    void unreadableInputExitsWithStatusTwoAndOneReason() throws IOException {
        Path binary = folder.resolve("recording.txt");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(binary, bytes);
        Path empty = Files.writeString(folder.resolve("empty.vtt"), "");
        for (Path input : List.of(binary, empty, folder.resolve("missing.txt"))) {
            Result result = analyze(input.toString());
            assertThat(result.status()).as(input.toString()).isEqualTo(2);
            assertThat(result.lines()).isEmpty();
            assertThat(result.errors()).hasSize(1);
            assertThat(result.errors().get(0)).startsWith("cannot read " + input + ": ");
        }
    }

    @Test
    void badCompetitorListExitsWithStatusTwo() throws IOException {
        Path list = Files.writeString(folder.resolve("competitors.txt"), "HubSpot\n: nameless\n");
        Result result = analyze("--competitors", list.toString(), INTERVIEW.toString());
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.errors()).containsExactly("cannot read " + list + ": line 2: a competitor needs a name before the colon");
    }

    @Test
    void packagedJarRunsWithJavaDashJar() throws Exception {
        Path jar = Path.of("target/nlp-pipeline.jar");
        Path binary = Files.write(folder.resolve("x.docx"), new byte[] {0x50, 0x4b, 0x03, 0x04, 1, 2, 3});
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "analyze", binary.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output.strip()).startsWith("cannot read " + binary + ": ").doesNotContain("Exception");
    }
}
