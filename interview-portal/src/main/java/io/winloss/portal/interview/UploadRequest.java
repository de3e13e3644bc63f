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
            String name = file.filename().toLowerCase(Locale.ROOT);
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            if (!EXTENSIONS.contains(extension)) {
                errors.add(new FieldError("file", file.filename() + ": must be a .txt, .vtt, .srt or .docx transcript"));
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
        return new Interviews.Upload(dealId, file.filename(), interviewers, interviewDate);
    }
}
