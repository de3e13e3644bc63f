package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes what the reader does before any parser: ZIP and binary sniffing, charset decoding (byte order marks, UTF-8,
 * Windows-1252, line breaks, NUL) and detecting the format from the decoded text.
 * The property and how to fuzz longer: {@link FuzzedParse}.
 */
class FormatDetectionFuzzTests {

    @FuzzTest(maxDuration = FuzzedParse.DURATION)
    @DictionaryEntries({"\\xEF\\xBB\\xBF", "\\xFF\\xFE", "\\xFE\\xFF", "WEBVTT", "-->", "00:00:01,000", "PK\\x03\\x04",
            "word/", "%PDF", "RIFF", "ftyp", "\\x0D\\x0A"})
    void detectAndDecode(byte[] bytes) {
        FuzzedParse.requireBoundedAllocation(bytes, () -> {
            FormatDetector.isDocx(bytes, "a.docx");
            FormatDetector.rejectKnownBinary(bytes);
            String text = TextDecoder.decode(bytes);
            assertThat(text).doesNotContain("\r", "\0");
            assertThat(FormatDetector.fromText(text, "call.vtt")).isNotNull();
            assertThat(FormatDetector.fromText(text, null)).isNotNull();
        });
    }
}
