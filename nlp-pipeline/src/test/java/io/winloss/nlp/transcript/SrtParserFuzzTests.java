package io.winloss.nlp.transcript;


import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the SRT parser on text decoded as the reader decodes it, then joins turns and assigns roles; seeded with
 * srt-parser-2, go-astisub and webvtt-py files.
 * The property and how to fuzz longer: {@link FuzzedParse}.
 */
class SrtParserFuzzTests {

    @FuzzTest(maxDuration = FuzzedParse.DURATION)
    @DictionaryEntries({"-->", "00:00:01,000", " --> ", "<i>", "</i>", "<font ", "{\\\\an8}", "\\x0A\\x0A", "1\\x0A"})
    void srt(byte[] bytes) {
        FuzzedParse.requireBoundedAllocation(bytes,
                () -> FuzzedParse.turns(SrtParser.parseCues(FuzzedParse.decoded(bytes))));
    }
}
