package io.winloss.nlp.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an interview transcript file (Teams, Zoom or Otter export, captions, a Word document, or survey lines) into
 * the turns of a {@link Transcript}, with each speaker's role. Bad input fails with one {@link UnreadableTranscript}
 * whose message a user can act on; nothing else escapes but an {@link IOException} from the stream itself.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(path)) {
 *     Transcript transcript = TranscriptReader.read(in, path.getFileName().toString(), Optional.empty(), List.of("Dana Reyes"));
 *     transcript.turns().stream().filter(turn -> turn.role() == Role.BUYER).forEach(turn -> tag(turn.text()));
 * }
 * }</pre>
 *
 * <p>Limits, so that no upload can hang the reader or exhaust memory: at most {@link #MAX_BYTES} (20 MiB; a one-hour
 * transcript is about 100 KB) are read from the stream, and a larger stream fails after reading one byte past the
 * limit; no line may be longer than {@link #MAX_LINE_CHARS} (100,000) characters; a DOCX's entries may not inflate
 * beyond 32 MiB or more than 100 times their compressed size. Every parser reads in time linear in the input.
 *
 * <p>Formats: see {@link WebVttParser}, {@link SrtParser}, {@link PlainTextParser}, {@link DocxParser} and
 * {@link LinesParser}; detection from content in {@link FormatDetector}; decoding in {@link TextDecoder}; joining cues
 * into turns in {@link SpeakerTurns}; roles in {@link Roles}.
 */
public final class TranscriptReader {
    /** The largest file read: 20 MiB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** The longest line read, in characters. */
    public static final int MAX_LINE_CHARS = 100_000;

    static final String EMPTY = "the file is empty";
    static final String NO_SPEECH = "no speech found in the file";
    static final String TOO_LARGE = "the file is larger than the " + MAX_BYTES / (1024 * 1024) + " MB limit";

    private TranscriptReader() {
    }

    /**
     * Reads a transcript.
     *
     * @param in               the file's bytes; read up to {@link #MAX_BYTES} + 1, not closed
     * @param fileName         the file's name, nullable; its extension is only a hint when the content is ambiguous
     * @param format           the format to read, or empty to detect it from the content
     * @param interviewerNames the interviewers' names as the transcript writes them; empty to infer roles
     * @throws UnreadableTranscript when the file cannot be read as a transcript, with the reason
     * @throws IOException          when reading the stream fails
     */
    public static Transcript read(InputStream in, String fileName, Optional<TranscriptFormat> format,
                                  Collection<String> interviewerNames) throws IOException, UnreadableTranscript {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableTranscript(TOO_LARGE);
        }
        try {
            return read(bytes, fileName, format.orElse(null), interviewerNames == null ? List.of() : interviewerNames);
        } catch (RuntimeException e) {
            throw new UnreadableTranscript("the file could not be read as a transcript", e);
        }
    }

    /**
     * The reason a file is certainly not a transcript, judged from its first bytes alone (images, PDFs, programs,
     * archives and Office files other than Word), so that an upload can be refused before it is stored; empty when
     * only {@link #read} can tell. A ZIP passes only when {@code holdsWordFolder}: some entry of it is under
     * {@code word/}, as in every DOCX (the caller scans the whole file for that name).
     */
    public static Optional<String> refusal(byte[] start, boolean holdsWordFolder) {
        return Optional.ofNullable(FormatDetector.refusal(start, holdsWordFolder));
    }

    private static Transcript read(byte[] bytes, String fileName, TranscriptFormat format,
                                   Collection<String> interviewerNames) throws UnreadableTranscript {
        if (bytes.length == 0) {
            throw new UnreadableTranscript(EMPTY);
        }
        boolean docx = FormatDetector.isDocx(bytes, fileName);
        if (format == TranscriptFormat.DOCX || (format == null && docx)) {
            List<String> lines = DocxParser.lines(bytes);
            for (int i = 0; i < lines.size(); i++) {
                requireShort(lines.get(i).length(), i + 1);
            }
            return turns(PlainTextParser.parseCues(lines), interviewerNames);
        }
        if (docx) {
            throw new UnreadableTranscript("the file is a DOCX document, not " + format);
        }
        FormatDetector.rejectKnownBinary(bytes);
        String text = TextDecoder.decode(bytes);
        if (Whitespace.isBlank(text)) {
            throw new UnreadableTranscript(EMPTY);
        }
        requireShortLines(text);
        if (format == TranscriptFormat.LINES) {
            return LinesParser.parse(text);
        }
        TranscriptFormat chosen = format != null ? format : FormatDetector.fromText(text, fileName);
        List<Cue> cues = switch (chosen) {
            case VTT -> WebVttParser.parseCues(text);
            case SRT -> SrtParser.parseCues(text);
            default -> PlainTextParser.parseCues(text);
        };
        return turns(cues, interviewerNames);
    }

    private static Transcript turns(List<Cue> cues, Collection<String> interviewerNames) throws UnreadableTranscript {
        List<Cue> turns = SpeakerTurns.join(cues);
        if (turns.isEmpty()) {
            throw new UnreadableTranscript(NO_SPEECH);
        }
        return Roles.assign(turns, interviewerNames);
    }

    private static void requireShortLines(String text) throws UnreadableTranscript {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                requireShort(i - start, line);
                line++;
                start = i + 1;
            }
        }
    }

    private static void requireShort(int length, int line) throws UnreadableTranscript {
        if (length > MAX_LINE_CHARS) {
            throw new UnreadableTranscript(String.format(Locale.ROOT, "line %d is longer than %,d characters",
                    line, MAX_LINE_CHARS));
        }
    }
}
