package io.winloss.nlp.transcript;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a Word (DOCX) transcript, as Teams and Otter export them, by turning its paragraphs, and the paragraphs of
 * table cells in reading order, into lines for the {@link PlainTextParser}. A file that is not a readable Word
 * document fails with one reason whatever went wrong inside Apache POI.
 *
 * <p>Zip bombs are refused: a package whose entries inflate to more than 64 MiB in all is refused before POI
 * loads it (POI holds every entry in memory); an entry that inflates more than 100 times its compressed size or beyond
 * 16 MiB is not read (POI's {@link ZipSecureFile} checks, set once for the JVM); text beyond
 * {@link TranscriptReader#MAX_BYTES} characters is refused. 16 MiB of document XML holds more than a day of talk.
 */
final class DocxParser {
    static final String NOT_DOCX = "not a readable DOCX file: it is damaged, truncated or not a Word document";
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;
    static final String NOT_DOCX_EXPANDS = "not a readable DOCX file: it expands to more than "
            + MAX_EXPANDED_BYTES / (1024 * 1024) + " MB, which no transcript needs";
    static final double MIN_INFLATE_RATIO = 0.01;
    private static final int MAX_TABLE_DEPTH = 8;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private final List<String> lines = new ArrayList<>();
    private long chars;

    private DocxParser() {
    }

    /** The document's paragraphs as lines, a paragraph's soft line breaks splitting it into several. */
    static List<String> lines(byte[] docx) throws UnreadableTranscript {
        requireModestExpansion(docx);
        DocxParser parser = new DocxParser();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            parser.addAll(document.getBodyElements(), 0);
        } catch (UnreadableTranscript e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTranscript(NOT_DOCX, e);
        }
        return parser.lines;
    }

    static List<Cue> parseCues(byte[] docx) throws UnreadableTranscript {
        return PlainTextParser.parseCues(lines(docx));
    }

    /** Inflates the package once, keeping nothing, to refuse a bomb of many entries before POI holds them all. */
    private static void requireModestExpansion(byte[] docx) throws UnreadableTranscript {
        byte[] buffer = new byte[64 * 1024];
        long expanded = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            while (zip.getNextEntry() != null) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    expanded += n;
                    if (expanded > MAX_EXPANDED_BYTES) {
                        throw new UnreadableTranscript(NOT_DOCX_EXPANDS);
                    }
                }
            }
        } catch (IOException | RuntimeException malformed) {
            // POI reads more kinds of ZIP than java.util.zip does, and names the problem when it cannot.
        }
    }

    private void addAll(List<IBodyElement> elements, int depth) throws UnreadableTranscript {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                add(paragraph.getText());
            } else if (element instanceof XWPFTable table && depth < MAX_TABLE_DEPTH) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        addAll(cell.getBodyElements(), depth + 1);
                    }
                }
            }
        }
    }

    private void add(String paragraph) throws UnreadableTranscript {
        chars += paragraph.length() + 1;
        if (chars > TranscriptReader.MAX_BYTES) {
            throw new UnreadableTranscript("the document's text is larger than the "
                    + TranscriptReader.MAX_BYTES / (1024 * 1024) + " MB limit");
        }
        lines.addAll(List.of(paragraph.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
    }
}
