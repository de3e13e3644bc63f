package io.winloss.nlp.transcript;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides how to read a file from what it holds, because users name files anyhow (a VTT saved as {@code .txt}, an SRT
 * without an extension, a DOCX downloaded as {@code .bin}). Content decides first: a ZIP holding {@code word/} is
 * DOCX; {@code WEBVTT} is VTT; a number line followed by a timing line, or a timing line with comma milliseconds,
 * is SRT; PDFs, images, audio, other archives and old Office files are refused, naming what they are. Only when the
 * content is ambiguous does the file name's extension decide ({@code .vtt}, {@code .srt}, {@code .txt}); a file
 * starting with a dot-millisecond timing line is SRT unless it is named {@code .vtt}, in which case the WebVTT parser
 * refuses it for its missing signature. Everything else is TXT.
 */
final class FormatDetector {
    static final String ACCEPTED = "(accepted: TXT, VTT, SRT, DOCX)";
    private static final int LINES_TO_LOOK_AT = 2;

    private FormatDetector() {
    }

    static boolean isZip(byte[] bytes) {
        return TextDecoder.startsWith(bytes, 'P', 'K', 3, 4) || TextDecoder.startsWith(bytes, 'P', 'K', 5, 6);
    }

    /** A ZIP that holds a Word document, or a ZIP named {@code .docx} (a truncated DOCX may have lost its entry names). */
    static boolean isDocx(byte[] bytes, String fileName) {
        return isZip(bytes) && (contains(bytes, "word/") || "docx".equals(extension(fileName)));
    }

    /** Refuses files that are certainly not text, naming what they are. */
    static void rejectKnownBinary(byte[] bytes) throws UnreadableTranscript {
        String kind = binaryKind(bytes);
        if (kind != null) {
            throw new UnreadableTranscript("the file is " + kind + ", not a transcript " + ACCEPTED);
        }
    }

    /**
     * What the first bytes of a file say it certainly is, when that is no transcript; {@code null} when only reading
     * it can tell. A ZIP is refused unless it holds a {@code word/} folder somewhere ({@code holdsWordFolder}: the
     * caller looked at every byte, which the first ones alone cannot show).
     */
    static String refusal(byte[] start, boolean holdsWordFolder) {
        if (isZip(start) && holdsWordFolder) {
            return null;
        }
        String kind = binaryKind(start);
        return kind == null ? null : "the file is " + kind + ", not a transcript " + ACCEPTED;
    }

    private static String binaryKind(byte[] bytes) {
        if (isZip(bytes)) {
            if (contains(bytes, "xl/")) {
                return "an Excel workbook";
            }
            if (contains(bytes, "ppt/")) {
                return "a PowerPoint presentation";
            }
            return "a ZIP archive";
        }
        if (startsWithText(bytes, "%PDF")) {
            return "a PDF document";
        }
        if (TextDecoder.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "an old Word or Office (.doc) document; save it as DOCX";
        }
        if (startsWithText(bytes, "{\\rtf")) {
            return "an RTF document; save it as DOCX or TXT";
        }
        if (TextDecoder.startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (TextDecoder.startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWithText(bytes, "GIF87a") || startsWithText(bytes, "GIF89a")) {
            return "a GIF image";
        }
        if (startsWithText(bytes, "RIFF") && bytes.length >= 12) {
            String type = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1);
            return "WAVE".equals(type) ? "a WAV audio file" : "WEBP".equals(type) ? "a WebP image" : "a RIFF media file";
        }
        if (startsWithText(bytes, "ID3") || startsWithText(bytes, "OggS") || startsWithText(bytes, "fLaC")) {
            return "an audio file";
        }
        if (bytes.length >= 8 && "ftyp".equals(new String(bytes, 4, 4, StandardCharsets.ISO_8859_1))) {
            return "an MP4 or M4A media file";
        }
        if (TextDecoder.startsWith(bytes, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "a WebM or MKV video";
        }
        if (TextDecoder.startsWith(bytes, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (startsWithText(bytes, "Rar!") || TextDecoder.startsWith(bytes, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "an archive";
        }
        if (TextDecoder.startsWith(bytes, 0x7F, 'E', 'L', 'F') || TextDecoder.startsWith(bytes, 'M', 'Z', 0x90, 0x00)
                || TextDecoder.startsWith(bytes, 0xCF, 0xFA, 0xED, 0xFE) || TextDecoder.startsWith(bytes, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "a program";
        }
        return null;
    }

    /** The format of decoded text whose format was not given. */
    static TranscriptFormat fromText(String text, String fileName) {
        if (WebVttParser.hasSignature(text)) {
            return TranscriptFormat.VTT;
        }
        String extension = extension(fileName);
        String[] first = firstLines(text);
        if (first.length > 0) {
            CueTimings.Span timing = timing(first[0]);
            if (first.length > 1 && isNumber(first[0]) && timing(first[1]) != null) {
                return TranscriptFormat.SRT;
            }
            if (timing != null) {
                return timing.commaMillis() || !"vtt".equals(extension) ? TranscriptFormat.SRT : TranscriptFormat.VTT;
            }
        }
        if (extension == null) {
            return TranscriptFormat.TXT;
        }
        return switch (extension) {
            case "vtt" -> TranscriptFormat.VTT;
            case "srt" -> TranscriptFormat.SRT;
            default -> TranscriptFormat.TXT;
        };
    }

    private static CueTimings.Span timing(String line) {
        return line.contains("-->") ? CueTimings.lenient(line) : null;
    }

    private static String[] firstLines(String text) {
        String[] found = new String[LINES_TO_LOOK_AT];
        int count = 0;
        int start = 0;
        while (start < text.length() && count < LINES_TO_LOOK_AT) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (!Whitespace.isBlank(line) || count > 0) {
                found[count++] = line;
            }
            start = end + 1;
        }
        String[] lines = new String[count];
        System.arraycopy(found, 0, lines, 0, count);
        return lines;
    }

    private static boolean isNumber(String line) {
        String s = line.strip();
        return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        int dot = fileName.lastIndexOf('.');
        if (dot <= slash + 1 || dot == fileName.length() - 1) {
            return null;
        }
        return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWithText(byte[] bytes, String prefix) {
        return bytes.length >= prefix.length()
                && new String(bytes, 0, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
