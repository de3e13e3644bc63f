package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The content decides the format; the file name only when the content is ambiguous; a given format is used as given. */
class FormatDetectionTests {
    private static final String ACCEPTED = ", not a transcript (accepted: TXT, VTT, SRT, DOCX)";

    @Test
    void readsAWebVttFileNamedTxtAsWebVtt() throws Exception {
        Transcript transcript = Fixtures.read(Fixtures.bytes("webvtt-py/teams_timeframe.vtt"), "meeting.txt",
                Optional.empty(), List.of());
        assertThat(transcript.turns()).extracting(Turn::speaker).containsExactly("Yuri Bakulin", "Adrian Petrescu");
    }

    @Test
    void readsAnSrtFileWithoutExtensionAsSrt() throws Exception {
        Transcript transcript = Fixtures.read(Fixtures.bytes("webvtt-py/sample.srt"), "captions", Optional.empty(),
                List.of());
        assertThat(transcript.turns()).extracting(Turn::text).containsExactly(
                "Caption text #1", "Caption text #2", "Caption text #3", "Caption text #4", "Caption text #5");
    }

    @Test
    void readsSrtContentNamedVttAsSrtBecauseTheContentIsUnambiguous() throws Exception {
        assertThat(Fixtures.read(Fixtures.bytes("webvtt-py/sample.srt"), "sample.vtt", Optional.empty(), List.of())
                .turns()).hasSize(5);
    }

    @Test
    void readsAWordDocumentNamedBin() throws Exception {
        Transcript transcript = Fixtures.read(DocxParserTests.teamsDocx(), "download.bin", Optional.empty(), List.of());
        assertThat(transcript.turns()).hasSize(4);
        assertThat(Fixtures.read(DocxParserTests.teamsDocx(), null, Optional.empty(), List.of()).turns()).hasSize(4);
    }

    @Test
    void refusesAVttFileWithTimingsButNoSignature() {
        assertThatThrownBy(() -> Fixtures.read("webvtt-py/invalid.vtt"))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("not a WebVTT file: it does not start with WEBVTT");
    }

    @Test
    void readsTimingsWithoutSignatureAsSrtWhenTheNameDoesNotSayVtt() throws Exception {
        assertThat(Fixtures.read(Fixtures.bytes("webvtt-py/invalid.vtt"), "captions.txt", Optional.empty(), List.of())
                .turns()).hasSize(7);
    }

    @Test
    void usesTheFileNameForContentThatIsNotObviouslyAFormat() {
        assertThatThrownBy(() -> Fixtures.read("webvtt-py/invalid_format1.srt"))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("not an SRT file: it has no timing line such as 00:00:01,000 --> 00:00:04,000");
        assertThatThrownBy(() -> Fixtures.read("mozilla-vtt.js/file-layout/newline-before-webvtt.vtt"))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("not a WebVTT file: it does not start with WEBVTT");
    }

    @Test
    void readsEverythingElseAsPlainText() throws Exception {
        assertThat(Fixtures.readText("Interviewer: Why?\nBuyer: Price.\n", null).turns())
                .extracting(Turn::speaker).containsExactly("Interviewer", "Buyer");
        assertThat(Fixtures.readText("Interviewer: Why?\nBuyer: Price.\n", "notes.docx").turns()).hasSize(2);
    }

    @Test
    void usesAGivenFormatAsGiven() throws Exception {
        byte[] vtt = Fixtures.bytes("webvtt-py/teams_timeframe.vtt");
        Transcript asText = Fixtures.read(vtt, "meeting.vtt", Optional.of(TranscriptFormat.TXT), List.of());
        assertThat(asText.turns()).extracting(Turn::speaker).containsOnly("");
        assertThat(asText.turns().get(0).text()).startsWith("WEBVTT");
        assertThatThrownBy(() -> Fixtures.read(Fixtures.bytes("webvtt-py/sample.srt"), "sample.srt",
                Optional.of(TranscriptFormat.VTT), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("not a WebVTT file: it does not start with WEBVTT");
        assertThatThrownBy(() -> Fixtures.read(Fixtures.bytes("webvtt-py/sample.srt"), "sample.srt",
                Optional.of(TranscriptFormat.DOCX), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessageStartingWith("not a readable DOCX file");
        assertThatThrownBy(() -> Fixtures.read(DocxParserTests.teamsDocx(), "interview.docx",
                Optional.of(TranscriptFormat.TXT), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("the file is a DOCX document, not TXT");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "255044462D312E370A25, a PDF document",
            "89504E470D0A1A0A0000, a PNG image",
            "FFD8FFE000104A464946, a JPEG image",
            "474946383961010001, a GIF image",
            "D0CF11E0A1B11AE10000, an old Word or Office (.doc) document; save it as DOCX",
            "7B5C727466315C616E73, an RTF document; save it as DOCX or TXT",
            "1F8B0800000000000003, a gzip archive",
            "000000206674797069736F6D, an MP4 or M4A media file",
    })
    void refusesOtherKindsOfFilesSayingWhatTheyAre(String hex, String kind) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> Fixtures.read(bytes, "interview.txt", Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("the file is " + kind + ACCEPTED);
    }

    @Test
    void refusesZipArchivesThatAreNotWordDocuments() throws Exception {
        assertThatThrownBy(() -> Fixtures.read(zip("notes.txt"), "interview.zip", Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("the file is a ZIP archive" + ACCEPTED);
        assertThatThrownBy(() -> Fixtures.read(zip("xl/workbook.xml"), "answers", Optional.empty(), List.of()))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("the file is an Excel workbook" + ACCEPTED);
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("Buyer: we chose them.".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void refusalFromTheFirstBytesNamesWhatTheFileIsAndLetsTextAndWordDocumentsThrough() {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

        assertThat(TranscriptReader.refusal(elf, false)).hasValueSatisfying(r -> assertThat(r).contains("a program"));
        assertThat(TranscriptReader.refusal(png, false)).hasValueSatisfying(r -> assertThat(r).contains("a PNG image"));
        assertThat(TranscriptReader.refusal(zip, false)).hasValueSatisfying(r -> assertThat(r).contains("a ZIP archive"));
        assertThat(TranscriptReader.refusal(zip, true)).isEmpty();
        assertThat(TranscriptReader.refusal("WEBVTT\n\n00:01.000 --> 00:02.000".getBytes(StandardCharsets.UTF_8), false)).isEmpty();
        assertThat(TranscriptReader.refusal(new byte[] {0, 1, 2, 3}, false)).as("only reading it whole can tell").isEmpty();
    }
}
