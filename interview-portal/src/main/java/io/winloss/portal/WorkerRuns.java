package io.winloss.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import org.slf4j.Logger;

import reactor.core.publisher.Mono;

/** How a worker process's housekeeping jobs answer Spring's scheduler. */
public final class WorkerRuns {

    private WorkerRuns() {
    }

    /**
     * One run of a scheduled job as of the time it starts: nothing in a process without the worker role; a failure is
     * logged and left to the next run. Spring calls the scheduled method once and subscribes to its answer every
     * run, so the time is read at each subscription.
     */
    public static <T> Mono<T> scheduled(boolean worker, Logger log, String job, Function<Instant, Mono<T>> run) {
        return Mono.defer(() -> worker ? run.apply(Clock.systemUTC().instant()).onErrorResume(e -> {
            log.warn("{} stopped: {}", job, e.toString());
            return Mono.empty();
        }) : Mono.empty());
    }
}
