package io.winloss.portal.interview;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;

/**
 * A transcript upload as a multipart form, from the API or the page: one or more {@code file} parts, the
 * {@code dealId}, the interviewer side's speaker names ({@code interviewer}, repeatable; the page's single field
 * may list several separated by commas) and an optional {@code interviewDate}. Rejects what cannot be right
 * before anything is stored.
 */
record UploadRequest(String dealId, List<FilePart> files, List<String> interviewers, LocalDate interviewDate) {

    static final List<String> EXTENSIONS = List.of("txt", "vtt", "srt", "docx");
    static final int MAX_FILES = 20;

    static UploadRequest from(MultiValueMap<String, Part> parts, boolean splitNamesOnCommas) {
        List<FieldError> errors = new ArrayList<>();
        String dealId = field(parts, "dealId");
        if (dealId == null || dealId.isBlank()) {
            errors.add(new FieldError("dealId", "is required"));
        }
        List<FilePart> files = new ArrayList<>();
        for (Part part : parts.getOrDefault("file", List.of())) {
            if (part instanceof FilePart file && !file.filename().isBlank()) {
                files.add(file);
            }
        }
        if (files.isEmpty()) {
            errors.add(new FieldError("file", "choose at least one transcript file"));
        } else if (files.size() > MAX_FILES) {
            errors.add(new FieldError("file", "at most " + MAX_FILES + " files at once"));
        }
        for (FilePart file : files) {
            String name = safeName(file.filename()).toLowerCase(Locale.ROOT);
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            if (!EXTENSIONS.contains(extension)) {
                errors.add(new FieldError("file", safeName(file.filename()) + ": must be a .txt, .vtt, .srt or .docx transcript"));
            }
        }
        List<String> interviewers = new ArrayList<>();
        for (Part part : parts.getOrDefault("interviewer", List.of())) {
            if (part instanceof FormFieldPart field) {
                for (String name : splitNamesOnCommas ? field.value().split(",") : new String[] {field.value()}) {
                    if (!name.isBlank()) {
                        interviewers.add(name.strip());
                    }
                }
            }
        }
        if (interviewers.size() > 20 || interviewers.stream().anyMatch(n -> n.length() > 100)) {
            errors.add(new FieldError("interviewer", "at most 20 names of at most 100 characters"));
        }
        LocalDate date = null;
        String dateText = field(parts, "interviewDate");
        if (dateText != null && !dateText.isBlank()) {
            try {
                date = LocalDate.parse(dateText.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("interviewDate", "must be a date like 2026-03-31"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new UploadRequest(dealId.strip(), files, interviewers, date);
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        Part part = parts.getFirst(name);
        return part instanceof FormFieldPart field ? field.value() : null;
    }

    Interviews.Upload upload(FilePart file) {
        return new Interviews.Upload(dealId, safeName(file.filename()), interviewers, interviewDate);
    }

    /**
     * Refuses the whole request, before any file is stored, when one of its files is certainly no transcript
     * ({@link InvalidInput}, every file's reason) or over the size limit ({@link UploadTooLarge}); see
     * {@link UploadedFileCheck}. The content decides, never the name or the part's declared Content-Type.
     */
    reactor.core.publisher.Mono<UploadRequest> checkContents() {
        return reactor.core.publisher.Flux.fromIterable(files)
                .concatMap(file -> UploadedFileCheck.refusal(file, safeName(file.filename())))
                .flatMap(reactor.core.publisher.Mono::justOrEmpty)
                .collectList()
                .flatMap(refusals -> refusals.isEmpty() ? reactor.core.publisher.Mono.just(this)
                        : reactor.core.publisher.Mono.error(new InvalidInput(refusals)));
    }

    /** The longest file name kept; a longer one is shortened, keeping its extension. */
    static final int MAX_NAME_CHARS = 200;

    /**
     * The file name as shown and stored: a label only, never used as a path (the file lives in GridFS under its id,
     * so {@code ../../etc/passwd} is just text, escaped wherever it is shown), without control or formatting
     * characters (line breaks, escape sequences, bidi overrides that disguise an extension), at most
     * {@link #MAX_NAME_CHARS} characters keeping the extension, {@code transcript} when nothing is left.
     */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName;
        StringBuilder kept = new StringBuilder(Math.min(name.length(), 1000));
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.length() > MAX_NAME_CHARS) {
            int dot = name.lastIndexOf('.');
            String extension = dot >= 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int cut = MAX_NAME_CHARS - extension.length();
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            name = name.substring(0, cut).strip() + extension;
        }
        return name.isEmpty() ? "transcript" : name;
    }
}
