package io.winloss.portal.ratelimit;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * {@code /api/**} per signed-in user, after Spring Security (at -100) has said who it is: HTTP Basic and every
 * API key a user created share that user's bucket, so issuing more keys buys no more calls. The CRM webhook is
 * limited per workspace instead, before authentication ({@link RateLimitFilter}).
 */
@Component
@Order(0)
class ApiUserLimitFilter implements WebFilter {

    private final TooManyRequests refusal;
    private final ClientBuckets api;

    ApiUserLimitFilter(RateLimitSettings settings, TooManyRequests refusal) {
        this.refusal = refusal;
        this.api = new ClientBuckets(settings.api(), settings.maxClients(), settings.idleAfter());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") || RateLimitFilter.isCrmWebhook(exchange.getRequest(), path)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(principal -> principal instanceof Authentication auth && auth.isAuthenticated())
                .map(principal -> api.take("user:" + principal.getName()))
                .flatMap(wait -> wait.isPresent() ? refusal.refuse(exchange, wait.get(), "api").thenReturn(true) : Mono.just(false))
                .defaultIfEmpty(false)
                .flatMap(refused -> refused ? Mono.empty() : chain.filter(exchange));
    }
}
