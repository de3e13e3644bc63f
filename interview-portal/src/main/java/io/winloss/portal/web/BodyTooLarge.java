package io.winloss.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * A request body larger than the portal reads into memory ({@code spring.http.codecs.max-in-memory-size})
 * that was refused before any route saw it: a form, which the CSRF filter reads first. It answers 413 with a page that
 * says so (the buyer's own page on survey links), where a staff form was a 500. API bodies are read by their
 * controllers, never by a filter (the API has no CSRF check).
 * It runs ahead of Spring Boot's handler (order -1). Uploads have their own limits and answers ({@code UploadSizeLimit});
 * a body too large for a controller is answered by {@link ApiErrors} and {@link PageErrors}. Nothing of such a request
 * is stored.
 */
@Component
@Order(-2)
class BodyTooLarge implements WebExceptionHandler {

    /** The property that sets the limit; pages and API errors name its value. */
    static final String LIMIT = "${spring.http.codecs.max-in-memory-size}";
    static final String VIEW_BUYER = "survey/too-long";
    static final String VIEW_STAFF = "error/form-too-large";

    private final PageTemplates templates;
    private final long limitMegabytes;

    BodyTooLarge(PageTemplates templates, @Value(LIMIT) DataSize limit) {
        this.templates = templates;
        this.limitMegabytes = limit.toMegabytes();
    }

    /** What the API says of a body over {@code limit}. */
    static String message(DataSize limit) {
        return "the request body is larger than the " + limit.toMegabytes() + " MB the portal reads; nothing was stored";
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!causedByLimit(error) || exchange.getResponse().isCommitted() || path.startsWith("/api/")) {
            return Mono.error(error);
        }
        String view = path.startsWith("/s/") ? VIEW_BUYER : VIEW_STAFF;
        byte[] html = templates.render(view, Map.of("limitMegabytes", limitMegabytes), exchange).getBytes(StandardCharsets.UTF_8);
        exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(html)));
    }

    static boolean causedByLimit(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}
