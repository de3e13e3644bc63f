package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Encodings and line breaks as Windows, Mac and caption tools write them. */
class TextDecoderTests {
    private static final String INTERVIEW = "Dana: “Why did you choose them?”\nSam: Their café-style onboarding.\n";

    @Test
    void stripsTheUtf8ByteOrderMark() throws Exception {
        assertThat(TextDecoder.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                INTERVIEW.getBytes(StandardCharsets.UTF_8)))).isEqualTo(INTERVIEW);
    }

    @Test
    void decodesUtf16LittleAndBigEndianWithAByteOrderMark() throws Exception {
        assertThat(TextDecoder.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                INTERVIEW.getBytes(StandardCharsets.UTF_16LE)))).isEqualTo(INTERVIEW);
        assertThat(TextDecoder.decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                INTERVIEW.getBytes(StandardCharsets.UTF_16BE)))).isEqualTo(INTERVIEW);
    }

    @Test
    void fallsBackToWindows1252WhenTheBytesAreNotUtf8() throws Exception {
        byte[] ansi = INTERVIEW.getBytes(Charset.forName("windows-1252"));
        assertThat(ansi).contains((byte) 0x93, (byte) 0x94, (byte) 0xE9);
        assertThat(TextDecoder.decode(ansi)).isEqualTo(INTERVIEW);
    }

    @Test
    void readsAWindows1252TranscriptEndToEnd() throws Exception {
        byte[] ansi = "Dana: Was it the price?\r\nSam: Yes – the “premium” tier was too much for René.\r\n"
                .getBytes(Charset.forName("windows-1252"));
        Transcript transcript = Fixtures.read(ansi, "interview.txt", Optional.empty(), List.of("Dana"));
        assertThat(transcript.turns().get(1).text()).isEqualTo("Yes – the “premium” tier was too much for René.");
    }

    @Test
    void turnsEveryLineBreakIntoALineFeed() throws Exception {
        assertThat(TextDecoder.decode("a\r\nb\rc\nd\n\re".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("a\nb\nc\nd\n\ne");
    }

    @Test
    void turnsNulIntoTheReplacementCharacter() throws Exception {
        assertThat(TextDecoder.decode("WEBVTT\n\0 id\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("WEBVTT\n\uFFFD id\n");
    }

    @Test
    void refusesBinary() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertThatThrownBy(() -> TextDecoder.decode(random)).hasMessage(
                "the file is binary, not a transcript (accepted: TXT, VTT, SRT, DOCX)");
        byte[] utf16WithoutMark = "Dana: Why did you choose them?".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> TextDecoder.decode(utf16WithoutMark)).hasMessageStartingWith("the file is binary");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
