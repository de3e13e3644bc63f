package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every bad file fails with one readable reason, quickly, without reading more than the limit. */
class BadInputTests {
    /** Generous: each case takes milliseconds; a quadratic scan of a 1 MB input would take minutes. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void aStreamOverTheLimitFailsAfterReadingOneBytePastIt() {
        EndlessText stream = new EndlessText(200L * 1024 * 1024);
        assertThatThrownBy(() -> TranscriptReader.read(stream, "huge.txt", Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("the file is larger than the 20 MB limit");
        assertThat(stream.served).isEqualTo(TranscriptReader.MAX_BYTES + 1);
    }

    @ParameterizedTest
    @EnumSource(TranscriptFormat.class)
    void anEmptyFileIsEmptyWhateverItsFormat(TranscriptFormat format) {
        assertThatThrownBy(() -> Fixtures.read(new byte[0], "x", Optional.of(format), List.of()))
                .isInstanceOf(UnreadableTranscript.class).hasMessage("the file is empty");
    }

    @Test
    void aFileOfWhitespaceOrOnlyAByteOrderMarkIsEmpty() {
        for (byte[] blank : List.of(" \r\n\t\f \n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new byte[] {(byte) 0xFF, (byte) 0xFE, ' ', 0, '\n', 0},
                "\u00A0\u2003\n".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> Fixtures.read(blank, "answers.txt", Optional.empty(), List.of()))
                    .isInstanceOf(UnreadableTranscript.class).hasMessage("the file is empty");
            assertThatThrownBy(() -> Fixtures.read(blank, "answers.txt", Optional.of(TranscriptFormat.LINES), List.of()))
                    .isInstanceOf(UnreadableTranscript.class).hasMessage("the file is empty");
        }
    }

    @Test
    void binaryIsRefusedWhateverTheNameOrGivenFormat() {
        byte[] random = new byte[64 * 1024];
        new Random(7).nextBytes(random);
        random[0] = 'A';
        String reason = "the file is binary, not a transcript (accepted: TXT, VTT, SRT, DOCX)";
        assertThatThrownBy(() -> Fixtures.read(random, "interview.txt", Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class).hasMessage(reason);
        assertThatThrownBy(() -> Fixtures.read(random, "interview.vtt", Optional.of(TranscriptFormat.LINES), List.of()))
                .isInstanceOf(UnreadableTranscript.class).hasMessage(reason);
        assertThatThrownBy(() -> Fixtures.read(new byte[1000], null, Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class).hasMessage(reason);
    }

    @Test
    void aOneMegabyteLineIsTooLong() {
        String line = "Sam: " + "a".repeat(1024 * 1024);
        assertTimeoutPreemptively(PATIENCE, () ->
                assertThatThrownBy(() -> Fixtures.readText(line, "interview.txt"))
                        .isInstanceOf(UnreadableTranscript.class)
                        .hasMessage("line 1 is longer than 100,000 characters"));
        assertThatThrownBy(() -> Fixtures.readText("WEBVTT\n\n" + "x".repeat(100_001) + "\n", "a.vtt"))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("line 3 is longer than 100,000 characters");
        assertThatThrownBy(() -> Fixtures.read(("a\n" + "b".repeat(100_001)).getBytes(StandardCharsets.UTF_8),
                "answers.csv", Optional.of(TranscriptFormat.LINES), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("line 2 is longer than 100,000 characters");
    }

    @Test
    void aLongParagraphInAWordDocumentIsTooLong() {
        byte[] docx = DocxParserTests.docx(document -> {
            document.createParagraph().createRun().setText("Sam: fine");
            document.createParagraph().createRun().setText("y".repeat(100_001));
        });
        assertThatThrownBy(() -> Fixtures.read(docx, "interview.docx", Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("line 2 is longer than 100,000 characters");
    }

    @Test
    void aLineOfExactlyTheLimitIsRead() throws Exception {
        Transcript transcript = Fixtures.readText("z".repeat(TranscriptReader.MAX_LINE_CHARS), "answer.txt");
        assertThat(transcript.turns().get(0).text()).hasSize(TranscriptReader.MAX_LINE_CHARS);
    }

    @Test
    void filesThatParseButHoldNoSpeechSaySo() {
        for (String[] file : new String[][] {
                {"WEBVTT\n\nNOTE only a comment\n\n00:00.000 --> 00:01.000\n<i></i>\n", "a.vtt"},
                {"1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n{\\an8}\n", "a.srt"},
                {"Transcribed by https://otter.ai\n", "a.txt"}}) {
            assertThatThrownBy(() -> Fixtures.readText(file[0], file[1]))
                    .isInstanceOf(UnreadableTranscript.class).hasMessage("no speech found in the file");
        }
    }

    @Test
    void pathologicalWebVttFinishes() {
        assertTimeoutPreemptively(PATIENCE, () -> {
            String cue = "00:00.000 --> 00:01.000\n" + ("<".repeat(99_999) + "\n").repeat(10);
            assertThatThrownBy(() -> Fixtures.readText("WEBVTT\n\n" + cue, "a.vtt"))
                    .hasMessage("no speech found in the file");
            String arrows = ("-->".repeat(33_333) + "\n").repeat(10);
            assertThatThrownBy(() -> Fixtures.readText("WEBVTT\n\n" + arrows, "a.vtt"))
                    .hasMessage("no speech found in the file");
            String voices = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + ("<v a>&amp;&".repeat(8_000) + "\n").repeat(10);
            assertThat(Fixtures.readText(voices, "a.vtt").turns()).hasSize(1);
            String timings = "WEBVTT\n\n" + "00:00.000 --> 00:01.000\n".repeat(40_000);
            assertThatThrownBy(() -> Fixtures.readText(timings, "a.vtt")).hasMessage("no speech found in the file");
        });
    }

    @Test
    void pathologicalSrtFinishes() {
        assertTimeoutPreemptively(PATIENCE, () -> {
            String arrows = ("-->".repeat(33_333) + "\n").repeat(10);
            assertThatThrownBy(() -> Fixtures.readText(arrows, "a.srt")).hasMessageStartingWith("not an SRT file");
            String numbers = "1\n".repeat(500_000);
            assertThatThrownBy(() -> Fixtures.readText(numbers, "a.srt")).hasMessageStartingWith("not an SRT file");
            String tags = "1\n00:00:01,000 --> 00:00:02,000\n" + ("<b".repeat(49_999) + "\n").repeat(10)
                    + ("{\\".repeat(49_999) + "\n").repeat(10);
            assertThat(Fixtures.readText(tags, "a.srt").turns()).hasSize(1);
            String timings = "0:0:0,0 --> 0:0:1,0\n".repeat(50_000);
            assertThatThrownBy(() -> Fixtures.readText(timings, "a.srt")).hasMessage("no speech found in the file");
        });
    }

    @Test
    void pathologicalPlainTextFinishes() {
        assertTimeoutPreemptively(PATIENCE, () -> {
            String gap = "Dana" + " ".repeat(99_990) + "0:42\n";
            assertThatThrownBy(() -> Fixtures.readText(gap.repeat(10), "a.txt"))
                    .hasMessage("no speech found in the file");
            for (String repeated : List.of("<", "-->", ":", "[", "- [", "&", ">> ", "0:", "a ", "A: ")) {
                String line = repeated.repeat(99_990 / repeated.length()) + "\n";
                assertThat(Fixtures.readText(line.repeat(10), "a.txt").turns()).isNotEmpty();
            }
        });
    }

    @Test
    void aFailingStreamFailsWithItsOwnIOException() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> TranscriptReader.read(broken, "a.txt", Optional.empty(), List.of()))
                .isInstanceOf(IOException.class).hasMessage("connection reset");
    }

    /** A stream of text that counts how much of it was read. */
    private static final class EndlessText extends InputStream {
        private final long size;
        long served;

        EndlessText(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - served);
            Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            served += n;
            return n;
        }
    }
}
