package io.winloss.nlp.transcript;


import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the Word (DOCX) reader: the zip-bomb checks, Apache POI, and the paragraphs and table cells it turns into
 * lines for the plain-text parser. No allocation budget here: POI's first document costs tens of megabytes; the
 * DOCX limits (64 MB unpacked, 100x inflation) and the JVM's OutOfMemoryError bound it instead.
 * The property and how to fuzz longer: {@link FuzzedParse}.
 */
class DocxParserFuzzTests {

    @FuzzTest(maxDuration = FuzzedParse.DURATION)
    @DictionaryEntries({"PK\\x03\\x04", "PK\\x01\\x02", "PK\\x05\\x06", "word/document.xml", "<w:p>", "<w:t>",
            "<w:tbl>", "<w:tc>", "<w:br/>"})
    void docx(byte[] bytes) {
        FuzzedParse.within(() -> {
            try {
                FuzzedParse.turns(PlainTextParser.parseCues(DocxParser.lines(bytes)));
            } catch (UnreadableTranscript expected) {
                // the documented failure
            }
            return null;
        });
    }
}
