package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the lines reader (survey answers, CSV columns: one buyer turn per line) on text decoded as the reader
 * decodes it.
 * The property and how to fuzz longer: {@link FuzzedParse}.
 */
class LinesParserFuzzTests {

    @FuzzTest(maxDuration = FuzzedParse.DURATION)
    @DictionaryEntries({"\\x0A", "\\x0D\\x0A", "\\xEF\\xBB\\xBF"})
    void lines(byte[] bytes) {
        FuzzedParse.requireBoundedAllocation(bytes,
                () -> assertThat(LinesParser.parse(FuzzedParse.decoded(bytes)).turns()).isNotEmpty());
    }
}
