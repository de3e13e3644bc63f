package io.winloss.portal.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An uploaded interview transcript. The file is kept as received, so it can be analysed again; its analysis
 * state is the state of {@code jobId}, the latest analysis job.
 *
 * @param interviewers speaker names on the interviewer side, as given at upload; empty means inferred
 * @param fileId       the stored file (GridFS), read only through {@link Interviews}
 */
public record Interview(String id, String dealId, String fileName, long size, List<String> interviewers,
        LocalDate interviewDate, String uploadedBy, Instant uploadedAt, String jobId, String fileId) {

    public Interview {
        interviewers = List.copyOf(interviewers);
    }

    /** The analysis target of this interview, as jobs and analyses name it. */
    public String target() {
        return target(id);
    }

    static String target(String id) {
        return InterviewAnalysis.KIND + ":" + id;
    }
}
