package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Survey answers: one buyer turn per line, so turn N is line N. */
class LinesParserTests {

    @Test
    void makesOneBuyerTurnPerLineIncludingEmptyLines() throws Exception {
        Transcript transcript = lines("Too expensive.\r\n\r\nInterviewer: support was slow?\n  The   UI  \n");
        assertThat(transcript.rolesInferred()).isFalse();
        assertThat(transcript.turns()).containsExactly(
                new Turn("", Role.BUYER, null, "Too expensive."),
                new Turn("", Role.BUYER, null, ""),
                new Turn("", Role.BUYER, null, "Interviewer: support was slow?"),
                new Turn("", Role.BUYER, null, "The UI"));
    }

    @Test
    void aFinalLineBreakAddsNoTurnButAnEmptyLastLineDoes() throws Exception {
        assertThat(lines("a\nb").turns()).hasSize(2);
        assertThat(lines("a\nb\n").turns()).hasSize(2);
        assertThat(lines("a\nb\n\n").turns()).extracting(Turn::text).containsExactly("a", "b", "");
    }

    @Test
    void ignoresInterviewerNamesAndFormatsInTheLines() throws Exception {
        Transcript transcript = Fixtures.read("WEBVTT\n\n00:00.000 --> 00:01.000\nDana: hi\n".getBytes(StandardCharsets.UTF_8),
                "answers.vtt", Optional.of(TranscriptFormat.LINES), List.of("Dana"));
        assertThat(transcript.turns()).hasSize(4).extracting(Turn::role).containsOnly(Role.BUYER);
        assertThat(transcript.turns().get(3).text()).isEqualTo("Dana: hi");
    }

    private static Transcript lines(String text) throws Exception {
        return Fixtures.read(text.getBytes(StandardCharsets.UTF_8), "answers.csv", Optional.of(TranscriptFormat.LINES),
                List.of());
    }
}
