package io.winloss.nlp.transcript;


import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the plain-text parser ({@code Name: text} lines, Otter and Teams {@code Name  0:42} headers, timestamps)
 * on text decoded as the reader decodes it; seeded with this project's Otter, Teams and plain transcripts and a real
 * Zoom closed-caption file.
 * The property and how to fuzz longer: {@link FuzzedParse}.
 */
class PlainTextParserFuzzTests {

    @FuzzTest(maxDuration = FuzzedParse.DURATION)
    @DictionaryEntries({":", "  0:42", "  1:02:03", "[00:01:02]", "00:00:01 ", "Interviewer", "Speaker 1",
            "\\x0A\\x0A"})
    void plainText(byte[] bytes) {
        FuzzedParse.requireBoundedAllocation(bytes,
                () -> FuzzedParse.turns(PlainTextParser.parseCues(FuzzedParse.decoded(bytes))));
    }
}
