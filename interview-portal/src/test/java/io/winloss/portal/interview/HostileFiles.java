package io.winloss.portal.interview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Transcripts in every format and files that only pretend to be one, built in memory for the upload tests. */
final class HostileFiles {

    static final String BUYER_LINE = "Your price hurt, and the onboarding took too long.";

    private HostileFiles() {
    }

    static byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Priya Raman: Why did you choose another vendor?");
            document.createParagraph().createRun().setText("Tom Becker: " + BUYER_LINE);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] vtt() {
        return ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Priya Raman>Why did you choose another vendor?\n\n"
                + "00:00:05.000 --> 00:00:09.000\n<v Tom Becker>" + BUYER_LINE + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] srt() {
        return ("1\n00:00:01,000 --> 00:00:04,000\nPriya Raman: Why did you choose another vendor?\n\n"
                + "2\n00:00:05,000 --> 00:00:09,000\nTom Becker: " + BUYER_LINE + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] text(String buyerSays) {
        return ("Priya Raman: Why did you choose another vendor?\nTom Becker: " + buyerSays + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() {
        byte[] png = new byte[2048];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        return png;
    }

    static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] elf() {
        byte[] elf = new byte[4096];
        System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);
        return elf;
    }

    /** A ZIP of plain text files: an archive, not a Word document. */
    static byte[] zipOfNotes() {
        return zip(Deflater.DEFAULT_COMPRESSION, zip -> {
            entry(zip, "notes/call.txt", text(BUYER_LINE));
            entry(zip, "notes/readme.txt", "minutes".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** A DOCX whose {@code word/document.xml} inflates to {@code megabytes} of one repeated byte: a few hundred KB on disk. */
    static byte[] bombDocx(int megabytes) {
        return zip(Deflater.BEST_SPEED, zip -> {
            packageParts(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) 'a');
            zip.write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < megabytes; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        });
    }

    /** A DOCX with {@code count} extra entries besides a readable document. */
    static byte[] manyEntriesDocx(int count) {
        return zip(Deflater.BEST_SPEED, zip -> {
            packageParts(zip);
            entry(zip, "word/document.xml", documentXml("Tom Becker: " + BUYER_LINE));
            for (int i = 0; i < count; i++) {
                entry(zip, "word/media/part" + i + ".xml", "<x/>".getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    /** A DOCX whose document is 8 MB of zeros in a few KB: far over the reader's inflate ratio, under its size limits. */
    static byte[] highRatioDocx() {
        return zip(Deflater.BEST_COMPRESSION, zip -> {
            packageParts(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(documentXml("Tom Becker: " + BUYER_LINE));
            zip.write(new byte[8 * 1024 * 1024]);
            zip.closeEntry();
        });
    }

    private static byte[] documentXml(String paragraph) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>" + paragraph + "</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8);
    }

    private static void packageParts(ZipOutputStream zip) throws IOException {
        entry(zip, "[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>").getBytes(StandardCharsets.UTF_8));
        entry(zip, "_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private interface Entries {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static byte[] zip(int level, Entries entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            entries.write(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
