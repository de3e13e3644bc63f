package io.winloss.nlp.transcript;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text the parsers can trust: the encoding from the byte order mark (UTF-8, UTF-16 LE or
 * BE), else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Word and Notepad on Windows save as "ANSI");
 * the mark removed; CRLF, CR and LF all turned into LF (so LF followed by CR is two line breaks, as WebVTT says); NUL
 * turned into U+FFFD, as the WebVTT parser does. Bytes that decode to mostly control characters are refused as binary.
 */
final class TextDecoder {
    static final String BINARY = "the file is binary, not a transcript (accepted: TXT, VTT, SRT, DOCX)";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** More than one character in twenty that text never holds (and more than one) means binary; WPT's nulls.vtt has one in forty. */
    private static final int BINARY_RATIO = 20;

    private TextDecoder() {
    }

    static String decode(byte[] bytes) throws UnreadableTranscript {
        String text = normalise(decodeCharset(bytes));
        if (looksBinary(text)) {
            throw new UnreadableTranscript(BINARY);
        }
        return text;
    }

    private static String decodeCharset(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static String normalise(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length());
        int from = !decoded.isEmpty() && decoded.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = from; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < decoded.length() && decoded.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\0') {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean looksBinary(String text) {
        long suspicious = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' && c != '\f' && c != '\u000B';
            if (control || c == '\uFFFD' || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                suspicious++;
            }
        }
        return suspicious > 1 && suspicious * BINARY_RATIO > text.length();
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
