package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the whole {@link TranscriptReader} as the portal and the CLI call it: any format option, file name and
 * interviewer name, detection, decoding and every parser. The reader turns a parser's unexpected RuntimeException
 * into a generic {@link UnreadableTranscript}, so that generic reason counts as a finding here.
 * The property and how to fuzz longer: {@link FuzzedParse}.
 */
class TranscriptReaderFuzzTests {

    @FuzzTest(maxDuration = FuzzedParse.DURATION)
    @DictionaryEntries({"WEBVTT", "-->", "00:00:01.000 --> 00:00:02.000", "00:01,000", "<v Dana>", "PK\\x03\\x04",
            "word/document.xml", ":", "  0:42"})
    void anyFile(FuzzedDataProvider data) {
        TranscriptFormat[] formats = TranscriptFormat.values();
        int choice = data.consumeInt(0, formats.length);
        Optional<TranscriptFormat> format = choice == formats.length ? Optional.empty() : Optional.of(formats[choice]);
        String fileName = data.pickValue(new String[] {"interview.txt", "call.vtt", "call.srt", "notes.docx", "upload",
                ".vtt", "a.b/c"});
        List<String> interviewers = data.consumeBoolean() ? List.of() : List.of(data.consumeString(20));
        byte[] bytes = data.consumeRemainingAsBytes();
        FuzzedParse.within(() -> {
            try {
                Transcript transcript = TranscriptReader.read(new ByteArrayInputStream(bytes), fileName, format,
                        interviewers);
                assertThat(transcript.turns()).isNotEmpty();
            } catch (UnreadableTranscript expected) {
                assertThat(expected.getMessage()).as("a parser threw %s", expected.getCause())
                        .isNotEqualTo("the file could not be read as a transcript");
            }
            return null;
        });
    }
}
