package io.winloss.portal.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.web.PageTemplates;
import reactor.core.publisher.Mono;

/**
 * The answer to a refused request: 429 with {@code Retry-After} in whole seconds (rounded up, at least 1), and a
 * body the caller can read: for {@code /api/**} the {@code {"errors":[{field,message}]}} shape of every other API
 * error, for pages the {@code error/too-many} page.
 */
@Component
class TooManyRequests {

    private static final Logger log = LoggerFactory.getLogger(TooManyRequests.class);

    private final PageTemplates templates;

    TooManyRequests(PageTemplates templates) {
        this.templates = templates;
    }

    static long retryAfterSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    Mono<Void> refuse(ServerWebExchange exchange, Duration wait, String limit) {
        long seconds = retryAfterSeconds(wait);
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        log.info("rate limit {} refused {} {} from {} (retry after {} s)", limit, exchange.getRequest().getMethod(), path,
                exchange.getRequest().getRemoteAddress(), seconds);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.getHeaders().setCacheControl("no-store");
        String body;
        if (path.startsWith("/api/")) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            body = "{\"errors\":[{\"field\":\"request\",\"message\":\"too many requests: try again in " + seconds + " s\"}]}";
        } else {
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            body = page(exchange, seconds);
        }
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    private String page(ServerWebExchange exchange, long seconds) {
        try {
            return templates.render("error/too-many", Map.of("retryAfter", seconds), exchange);
        } catch (RuntimeException e) {
            log.warn("could not render error/too-many, answering plain HTML", e);
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests</title></head>"
                + "<body><h1>Too many requests</h1><p>Please wait " + seconds + " seconds and try again.</p></body></html>";
    }
}
