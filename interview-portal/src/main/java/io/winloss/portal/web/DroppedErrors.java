package io.winloss.portal.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Hooks;

/**
 * Errors Reactor drops because no subscriber can take them, logged as Reactor does (ERROR) except one: a body over the
 * in-memory limit. A form too large fails the CSRF filter's read of it, which runs inside {@code filterWhen}, and
 * reactor-core's {@code MonoFilterWhen.innerError} (3.8.8) passes such an error on and then also reports it as
 * dropped. The request is answered once ({@link BodyTooLarge}, 413); the second report would be an ERROR with a stack
 * trace that any visitor can cause, so it is logged at DEBUG. The hook is global, so it is set once per JVM.
 */
@Component
class DroppedErrors {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    static {
        Hooks.onErrorDropped(DroppedErrors::log);
    }

    static void log(Throwable error) {
        if (BodyTooLarge.causedByLimit(error)) {
            log.debug("a body over the in-memory limit, already answered 413: {}", error.toString());
        } else {
            log.error("Operator called default onErrorDropped", error);
        }
    }
}
