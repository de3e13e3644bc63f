package io.winloss.portal.analysis;

import java.time.Instant;

/**
 * One unit of analysis work: an interview or an answer sheet to tag. {@code attempts} counts claims, so a
 * worker that died mid-job used one up.
 *
 * @param target what to analyse, for instance {@code interview:<id>}; see {@link AnalysisTarget}
 * @param done   sentences analysed so far in the current attempt
 * @param total  sentences to analyse in the current attempt, 0 until known
 */
public record AnalysisJob(String id, String workspaceId, String target, JobStatus status, int attempts, int done,
        int total, String error, Instant createdAt, Instant finishedAt) {
}
