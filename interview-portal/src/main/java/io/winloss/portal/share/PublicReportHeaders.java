package io.winloss.portal.share;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Keeps a shared report's link where it was handed out: no cache keeps the page ({@code no-store}), no page it
 * leads to learns its address ({@code no-referrer}), and no search engine lists it ({@code noindex}). Set on every
 * answer under {@code /r/}, the 404 and 410 pages included.
 */
@Component
class PublicReportHeaders implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/r/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Robots-Tag", "noindex");
        }
        return chain.filter(exchange);
    }
}
