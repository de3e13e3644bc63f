package io.winloss.nlp.transcript;


import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the WebVTT parser (Teams {@code <v Name>} voices, Zoom {@code Name: text} cues) on text decoded as the
 * reader decodes it, then joins turns and assigns roles; seeded with WPT, vtt.js, webvtt-py, go-astisub and real
 * Teams/Zoom files.
 * The property and how to fuzz longer: {@link FuzzedParse}.
 */
class WebVttParserFuzzTests {

    @FuzzTest(maxDuration = FuzzedParse.DURATION)
    @DictionaryEntries({"WEBVTT", "-->", "00:00:01.000", "00:01.000", " --> ", "<v ", "</v>", "<c.", "&amp;", "&#",
            "NOTE", "STYLE", "REGION", "\\x0A\\x0A"})
    void webVtt(byte[] bytes) {
        FuzzedParse.requireBoundedAllocation(bytes,
                () -> FuzzedParse.turns(WebVttParser.parseCues(FuzzedParse.decoded(bytes))));
    }
}
