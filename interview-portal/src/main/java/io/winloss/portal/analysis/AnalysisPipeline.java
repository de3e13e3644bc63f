package io.winloss.portal.analysis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.winloss.nlp.Pipeline;
import jakarta.annotation.PreDestroy;

/**
 * The process's one CoreNLP pipeline, loaded on first use by a worker (about 7 s), so web-only processes and
 * tests that never analyse do not pay for it. CoreNLP runs on the pipeline's own pool of
 * {@link AnalysisSettings#threadsOrCores()} threads, whoever calls, at a lower CPU priority than requests
 * ({@link BackgroundPriority}).
 */
@Component
class AnalysisPipeline {

    private static final Logger log = LoggerFactory.getLogger(AnalysisPipeline.class);

    private final AnalysisSettings settings;
    private Pipeline pipeline;

    AnalysisPipeline(AnalysisSettings settings) {
        this.settings = settings;
    }

    /** Blocks while the models load; call from the analysis scheduler only. */
    synchronized Pipeline get() {
        if (pipeline == null) {
            int threads = settings.threadsOrCores();
            pipeline = Pipeline.load(threads, BackgroundPriority.threads("corenlp", settings.idle(), settings.nice()));
            log.info("CoreNLP models loaded in {} ms, {} threads {}", pipeline.loadTime().toMillis(), threads,
                    settings.idle() ? "in the idle scheduling class" : "at nice " + settings.nice());
        }
        return pipeline;
    }

    @PreDestroy
    synchronized void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
