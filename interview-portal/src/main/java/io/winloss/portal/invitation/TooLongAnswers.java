package io.winloss.portal.invitation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.winloss.portal.web.PageTemplates;
import reactor.core.publisher.Mono;

/**
 * A buyer's form larger than the portal reads ({@code spring.codec.max-in-memory-size}) is refused with a page that
 * says so (413), where it was a 500. The form is first read by the CSRF filter, before any route, so this answers
 * from the exception handlers, ahead of Spring Boot's (order -1). Nothing of such a form is stored.
 */
@Component
@Order(-2)
class TooLongAnswers implements WebExceptionHandler {

    private final PageTemplates templates;

    TooLongAnswers(PageTemplates templates) {
        this.templates = templates;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!tooLarge(error) || !exchange.getRequest().getPath().value().startsWith("/s/") || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        byte[] html = templates.render(BuyerPages.VIEW_TOO_LONG, Map.of(), exchange).getBytes(StandardCharsets.UTF_8);
        exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(html)));
    }

    private static boolean tooLarge(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}
