package io.winloss.nlp.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** Word transcripts, built with POI as Teams and Otter export them. */
class DocxParserTests {

    /** A Teams DOCX transcript: a title, then a header paragraph per turn and the words in the next paragraph. */
    static byte[] teamsDocx() {
        return docx(document -> {
            paragraph(document, "Acme renewal interview");
            paragraph(document, "Dana Reyes   0:03");
            paragraph(document, "Why did you choose Northwind over us?");
            paragraph(document, "Sam Okafor   0:07");
            paragraph(document, "Their onboarding was faster.");
            paragraph(document, "And the price was lower.");
            paragraph(document, "Dana Reyes\t1:15");
            paragraph(document, "Thank you, that is really helpful.");
        });
    }

    @Test
    void readsParagraphsAsLinesOfATeamsTranscript() throws Exception {
        assertThat(SpeakerTurns.join(DocxParser.parseCues(teamsDocx())))
                .extracting(Cue::speaker, Cue::start, Cue::text).containsExactly(
                        tuple("", null, "Acme renewal interview"),
                        tuple("Dana Reyes", Duration.ofSeconds(3), "Why did you choose Northwind over us?"),
                        tuple("Sam Okafor", Duration.ofSeconds(7), "Their onboarding was faster. And the price was lower."),
                        tuple("Dana Reyes", Duration.ofSeconds(75), "Thank you, that is really helpful."));
    }

    @Test
    void readsTableCellsInOrderAndSplitsParagraphsAtLineBreaks() throws Exception {
        byte[] docx = docx(document -> {
            XWPFRun run = document.createParagraph().createRun();
            run.setText("Interviewer: What mattered most?");
            run.addBreak();
            run.setText("Buyer: Reporting.");
            XWPFTable table = document.createTable(2, 1);
            table.getRow(0).getCell(0).setText("Interviewer: And second?");
            table.getRow(1).getCell(0).setText("Buyer: Support.");
        });
        assertThat(DocxParser.lines(docx)).containsExactly("Interviewer: What mattered most?", "Buyer: Reporting.",
                "Interviewer: And second?", "Buyer: Support.");
        assertThat(DocxParser.parseCues(docx)).extracting(Cue::speaker)
                .containsExactly("Interviewer", "Buyer", "Interviewer", "Buyer");
    }

    @Test
    void refusesATruncatedDocument() {
        byte[] docx = teamsDocx();
        byte[] truncated = Arrays.copyOf(docx, docx.length / 2);
        assertThatThrownBy(() -> DocxParser.lines(truncated))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessageStartingWith("not a readable DOCX file");
    }

    @Test
    void refusesAnEntryThatInflatesAHundredfold() {
        byte[] bomb = zip(1, 40);
        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> DocxParser.lines(bomb))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage(DocxParser.NOT_DOCX);
    }

    @Test
    void refusesAPackageThatExpandsBeyondSixtyFourMegabytesInAll() {
        assertThatThrownBy(() -> DocxParser.lines(zip(8, 10)))
                .isInstanceOf(UnreadableTranscript.class)
                .hasMessage("not a readable DOCX file: it expands to more than 64 MB, which no transcript needs");
    }

    /** A Word-shaped ZIP whose entries are each {@code megabytes} of spaces. */
    private static byte[] zip(int entries, int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] spaces = new byte[1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            for (int entry = 0; entry < entries; entry++) {
                zip.putNextEntry(new ZipEntry(entry == 0 ? "word/document.xml" : "word/media/part" + entry + ".xml"));
                for (int i = 0; i < megabytes; i++) {
                    zip.write(spaces);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] docx(Consumer<XWPFDocument> content) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String text) {
        document.createParagraph().createRun().setText(text);
    }
}
