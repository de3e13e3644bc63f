package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Whole files through the one entry point: format, turns and roles together. */
class TranscriptReaderTests {

    @Test
    void readsAnOtterInterviewWithTheInterviewerNamed() throws Exception {
        Transcript transcript = Fixtures.read(Fixtures.bytes("winloss/otter-interview.txt"), "interview.txt",
                Optional.empty(), List.of("Dana Reyes"));
        assertThat(transcript.rolesInferred()).isFalse();
        assertThat(transcript.turns()).hasSize(8);
        assertThat(transcript.turns().get(1)).isEqualTo(new Turn("Sam Okafor", Role.BUYER, Duration.ofSeconds(9),
                "Sure. Our old tool couldn't keep up with the volume. We were losing deals because reps didn't have "
                        + "the call notes in time."));
        assertThat(transcript.turns()).filteredOn(turn -> turn.role() == Role.INTERVIEWER)
                .extracting(Turn::speaker).containsOnly("Dana Reyes");
    }

    @Test
    void guessesTheInterviewerOfAnOtterInterview() throws Exception {
        Transcript transcript = Fixtures.read("winloss/otter-interview.txt");
        assertThat(transcript.rolesInferred()).isTrue();
        assertThat(transcript.turns()).extracting(Turn::speaker, Turn::role).contains(
                tuple("Dana Reyes", Role.INTERVIEWER), tuple("Sam Okafor", Role.BUYER));
        assertThat(transcript.turns()).filteredOn(turn -> turn.role() == Role.BUYER)
                .extracting(Turn::speaker).containsOnly("Sam Okafor");
    }

    @Test
    void readsTheRealTeamsExportIntoTheGenieSuitesTurns() throws Exception {
        Transcript transcript = Fixtures.read("genie-flow-invoker-docproc/TEAMS-SurveyResponse-Genie.vtt");
        List<Turn> turns = transcript.turns();
        assertThat(turns).hasSize(145);
        assertThat(turns.get(0)).extracting(Turn::speaker, Turn::role, Turn::start)
                .containsExactly("Jochem Michiels", Role.INTERVIEWER, Duration.ofMillis(3_317));
        assertThat(turns.get(0).text()).startsWith("Maybe my English is a bit Dutch but. OK. But before we start,");
        assertThat(turns.get(144)).isEqualTo(new Turn("Jochem Michiels", Role.INTERVIEWER, Duration.ofMillis(2_289_357),
                "But."));
        assertThat(turns.stream().map(Turn::speaker).collect(Collectors.toSet())).hasSize(8);
        assertThat(turns).filteredOn(turn -> turn.role() == Role.INTERVIEWER).extracting(Turn::speaker)
                .containsOnly("Jochem Michiels");
        assertThat(turns).extracting(Turn::text).anyMatch(text -> text.contains("P&"));
    }

    @Test
    void readsTheRealZoomExportAsTwentyUnnamedTurnsWithRolesGuessedPerTurn() throws Exception {
        Transcript transcript = Fixtures.read("genie-flow-invoker-docproc/ZOOM-video1009782420.vtt");
        assertThat(transcript.rolesInferred()).isTrue();
        assertThat(transcript.turns()).hasSize(20).extracting(Turn::speaker).containsOnly("");
        assertThat(transcript.turns().get(2)).extracting(Turn::text, Turn::role).containsExactly(
                "Can you tell a little bit about yourself and your characteristics? You're 17 years old.",
                Role.INTERVIEWER);
        assertThat(transcript.turns().get(3).role()).isEqualTo(Role.BUYER);
    }

    @Test
    void readsZoomClosedCaptionText() throws Exception {
        Transcript transcript = Fixtures.read("genie-flow-invoker-docproc/ZOOM-closed_caption.txt");
        assertThat(transcript.turns()).hasSize(20);
        assertThat(transcript.turns().get(0).text()).isEqualTo("Workers link. Now you can play the streets.");
    }

    @Test
    void readsATeamsWordTranscript() throws Exception {
        Transcript transcript = Fixtures.read(DocxParserTests.teamsDocx(), "Acme renewal.docx", Optional.empty(),
                List.of("dana reyes"));
        assertThat(transcript.turns()).extracting(Turn::speaker, Turn::role).containsExactly(
                tuple("", Role.BUYER), tuple("Dana Reyes", Role.INTERVIEWER), tuple("Sam Okafor", Role.BUYER),
                tuple("Dana Reyes", Role.INTERVIEWER));
    }

    @Test
    void refusesATruncatedWordTranscript() {
        byte[] docx = DocxParserTests.teamsDocx();
        byte[] truncated = Arrays.copyOf(docx, docx.length * 2 / 3);
        assertThatThrownBy(() -> Fixtures.read(truncated, "interview.docx", Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessageStartingWith("not a readable DOCX file");
    }

    @Test
    void readsSrtCaptionsIntoTurns() throws Exception {
        Transcript transcript = Fixtures.read("srt-parser-2/single-digit-timecodes.srt");
        assertThat(transcript.turns()).hasSize(1);
        assertThat(transcript.turns().get(0).speaker()).isEqualTo("Adam");
        assertThat(transcript.turns().get(0).start()).isEqualTo(Duration.ofMillis(7_560));
        assertThat(transcript.turns().get(0).text()).startsWith("Hello, my name is Adam Wilbert, and I'd like")
                .endsWith("from the spreadsheets");
    }

    @Test
    void aFileWithTimingsButNoSpeechHasNoSpeech() {
        assertThatThrownBy(() -> Fixtures.read("wpt-webvtt/signature-no-newline.vtt"))
                .isInstanceOf(UnreadableTranscript.class).hasMessage("no speech found in the file");
        assertThatThrownBy(() -> Fixtures.read("mozilla-vtt.js/cuetext/voice/no-end-gt.vtt"))
                .isInstanceOf(UnreadableTranscript.class).hasMessage("no speech found in the file");
        assertThatThrownBy(() -> Fixtures.read(DocxParserTests.docx(document -> { }), "empty.docx",
                Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class).hasMessage("no speech found in the file");
    }
}
